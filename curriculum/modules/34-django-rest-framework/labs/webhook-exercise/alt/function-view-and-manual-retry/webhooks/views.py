"""Alternative inbound webhook (module 34): a function view with @api_view, the duplicate found by a
savepoint around the insert, and the task queued with on_commit through functools.partial."""
import json
from functools import partial

from django.db import IntegrityError, transaction
from rest_framework import generics, serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from . import signing
from .models import WebhookEvent
from .tasks import process_event


@api_view(["POST"])
def inbound(request):
    raw = request.body
    if not signing.is_valid(raw, request.META.get("HTTP_X_WEBHOOK_SIGNATURE", "")):
        return Response({"detail": "invalid signature"}, status=401)
    delivery = request.META.get("HTTP_X_WEBHOOK_DELIVERY")
    if not delivery:
        return Response({"detail": "X-Webhook-Delivery is required"}, status=400)
    try:
        payload = json.loads(raw)
    except ValueError:
        return Response({"detail": "the body is not JSON"}, status=400)
    with transaction.atomic():
        try:
            with transaction.atomic():
                event = WebhookEvent.objects.create(delivery_id=delivery, event_type=payload.get("type", ""), payload=payload)
        except IntegrityError:
            return Response({"duplicate": True}, status=200)
        transaction.on_commit(partial(process_event.apply_async, args=(event.pk,)))
    return Response({"id": event.pk}, status=202)


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookEvent
        fields = ["id", "delivery_id", "event_type", "status"]


class EventDetail(generics.RetrieveAPIView):
    queryset = WebhookEvent.objects.all()
    serializer_class = EventSerializer
