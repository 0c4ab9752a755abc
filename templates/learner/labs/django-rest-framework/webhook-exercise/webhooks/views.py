import json

from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import WebhookEvent


class InboundWebhook(APIView):
    """Receives a partner's delivery: a JSON body {"type": ..., "data": {...}}."""

    def post(self, request):
        body = request.body  # the raw bytes, exactly as signed: read them before request.data
        # TODO 1: reject the delivery with 401 unless its X-Webhook-Signature header is valid for
        #         the raw body (signing.is_valid). Never re-serialize the JSON to check it: the
        #         bytes would differ.
        # TODO 2: answer 400 without the X-Webhook-Delivery header; if that delivery id was seen
        #         before, answer 200 {"duplicate": true} and do nothing else.
        event_data = json.loads(body)
        event = WebhookEvent.objects.create(
            delivery_id=request.headers.get("X-Webhook-Delivery", ""),
            event_type=event_data.get("type", ""),
            payload=event_data,
        )
        # TODO 3: send tasks.process_event with the event's primary key once it is committed, and
        #         answer within the sender's timeout: 202 {"id": event.pk}.
        return Response({"id": event.pk}, status=status.HTTP_202_ACCEPTED)


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookEvent
        fields = ["id", "delivery_id", "event_type", "status"]


class EventDetail(generics.RetrieveAPIView):
    queryset = WebhookEvent.objects.all()
    serializer_class = EventSerializer
