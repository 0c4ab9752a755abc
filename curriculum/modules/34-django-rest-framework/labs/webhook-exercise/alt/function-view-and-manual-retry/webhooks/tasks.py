"""Alternative webhook tasks (module 34): retries by hand with self.retry and a doubling countdown
capped at 2 s, instead of autoretry_for; the body signed as sent."""
import json
import random
import urllib.error
import urllib.request

from celery import shared_task
from django.utils import timezone

from . import signing
from .models import WebhookEvent


class DeliveryRefused(Exception):
    """The receiver answered 4xx: no retry."""


@shared_task
def process_event(event_id):
    WebhookEvent.objects.filter(pk=event_id).update(status=WebhookEvent.PROCESSED, processed_at=timezone.now())
    return {"id": event_id, "status": WebhookEvent.PROCESSED}


@shared_task(bind=True, max_retries=3)
def deliver_webhook(self, url, event):
    body = json.dumps(event, sort_keys=True).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json",
        signing.SIGNATURE_HEADER: signing.sign(body),
        signing.DELIVERY_HEADER: self.request.id,
    })
    delay = min(2.0, 2 ** self.request.retries) * random.uniform(0.5, 1.0)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return {"status": response.status, "attempts": self.request.retries + 1}
    except urllib.error.HTTPError as error:
        if 400 <= error.code < 500 and error.code != 429:
            raise DeliveryRefused(f"{url} refused the delivery: {error.code}") from None
        raise self.retry(exc=RuntimeError(f"{url} answered {error.code}"), countdown=delay)
    except (urllib.error.URLError, TimeoutError) as error:
        raise self.retry(exc=RuntimeError(f"{url} could not be reached: {error}"), countdown=delay)
