import json

from django.db import IntegrityError, transaction
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from . import signing
from .models import WebhookEvent
from .tasks import process_event


class InboundWebhook(APIView):
    """Receives a partner's delivery: a JSON body {"type": ..., "data": {...}}."""

    def post(self, request):
        body = request.body
        canonical = json.dumps(json.loads(body or b"{}"), separators=(",", ":")).encode()
        if not signing.is_valid(canonical, request.headers.get(signing.SIGNATURE_HEADER, "")):
            return Response({"detail": "invalid signature"}, status=status.HTTP_401_UNAUTHORIZED)
        delivery_id = request.headers.get(signing.DELIVERY_HEADER)
        if not delivery_id:
            return Response({"detail": f"{signing.DELIVERY_HEADER} is required"}, status=status.HTTP_400_BAD_REQUEST)
        try:
            event_data = json.loads(body)
        except ValueError:
            return Response({"detail": "the body is not JSON"}, status=status.HTTP_400_BAD_REQUEST)
        try:
            with transaction.atomic():
                event = WebhookEvent.objects.create(delivery_id=delivery_id, event_type=event_data.get("type", ""), payload=event_data)
                transaction.on_commit(lambda: process_event.delay(event.pk))
        except IntegrityError:
            # The unique delivery id: this delivery was received before (two at once cannot both get in).
            return Response({"duplicate": True}, status=status.HTTP_200_OK)
        return Response({"id": event.pk}, status=status.HTTP_202_ACCEPTED)


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookEvent
        fields = ["id", "delivery_id", "event_type", "status"]


class EventDetail(generics.RetrieveAPIView):
    queryset = WebhookEvent.objects.all()
    serializer_class = EventSerializer
