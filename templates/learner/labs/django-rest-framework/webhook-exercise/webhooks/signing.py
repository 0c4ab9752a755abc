"""HMAC signatures shared by inbound and outbound webhooks (provided).

A signed request carries the header  X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body>
computed with settings.WEBHOOK_SECRET, and  X-Webhook-Delivery: <delivery id>  that stays the same
when a delivery is retried, so the receiver can drop duplicates.
"""
import hashlib
import hmac

from django.conf import settings

SIGNATURE_HEADER = "X-Webhook-Signature"
DELIVERY_HEADER = "X-Webhook-Delivery"


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(settings.WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def is_valid(body: bytes, signature: str) -> bool:
    """Compares in constant time, so the signature cannot be guessed byte by byte from response times."""
    return bool(signature) and hmac.compare_digest(sign(body), signature)
