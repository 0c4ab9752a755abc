"""Webhook tasks: processing what partners send us, and delivering what we send them."""
import json
import urllib.error
import urllib.request

from celery import shared_task

from . import signing


@shared_task
def process_event(event_id):
    # TODO 4: load the WebhookEvent, set status "processed" and processed_at, save those fields.
    raise NotImplementedError


@shared_task
def deliver_webhook(url, event):
    """POSTs event (a dict) as JSON to url; returns {"status": <HTTP status>, "attempts": <n>}."""
    # TODO 5: sign the exact bytes you send (X-Webhook-Signature: signing.sign(body)) and send a
    #         delivery id (X-Webhook-Delivery) that stays the same on every retry: the task id.
    # TODO 6: retry 5xx responses and connection errors (urllib.error.URLError) with exponential
    #         backoff and jitter: bind=True, autoretry_for=..., retry_backoff=1,
    #         retry_backoff_max=2, retry_jitter=True, max_retries=3 (four attempts in all).
    #         Do not retry other 4xx responses: they will fail the same way again; fail the task.
    #         urllib raises HTTPError (a subclass of URLError) for every 4xx and 5xx response.
    body = json.dumps(event).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return {"status": response.status, "attempts": 1}
