"""Webhook tasks (reference solution)."""
import json
import urllib.error
import urllib.request

from celery import shared_task
from django.utils import timezone

from . import signing
from .models import WebhookEvent


class TransientDeliveryError(Exception):
    """The receiver may accept the delivery later (5xx, or it could not be reached)."""


class PermanentDeliveryError(Exception):
    """The receiver refused the delivery; sending it again will not help (4xx)."""


@shared_task
def process_event(event_id):
    event = WebhookEvent.objects.get(pk=event_id)
    event.status = WebhookEvent.PROCESSED
    event.processed_at = timezone.now()
    event.save(update_fields=["status", "processed_at"])
    return {"id": event.pk, "status": event.status}


@shared_task(
    bind=True,
    autoretry_for=(TransientDeliveryError,),
    retry_backoff=1,
    retry_backoff_max=2,
    retry_jitter=True,
    max_retries=3,
)
def deliver_webhook(self, url, event):
    """POSTs event (a dict) as JSON to url; returns {"status": <HTTP status>, "attempts": <n>}."""
    body = json.dumps(event, separators=(",", ":"), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        signing.SIGNATURE_HEADER: signing.sign(body),
        signing.DELIVERY_HEADER: self.request.id,  # the same on every retry of this delivery
    }
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return {"status": response.status, "attempts": self.request.retries + 1}
    except urllib.error.HTTPError as error:
        raise TransientDeliveryError(f"{url} answered {error.code}") from None
    except (urllib.error.URLError, TimeoutError) as error:
        raise TransientDeliveryError(f"{url} could not be reached: {error}") from None
