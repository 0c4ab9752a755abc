from django.db import models


class WebhookEvent(models.Model):
    """One delivery received from a partner. The delivery id is unique: a resent delivery is a duplicate."""

    RECEIVED, PROCESSED = "received", "processed"

    delivery_id = models.CharField(max_length=100, unique=True)
    event_type = models.CharField(max_length=100)
    payload = models.JSONField()
    status = models.CharField(max_length=20, default=RECEIVED)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
