"""Tasks of the orders app, found by app.autodiscover_tasks()."""
from celery import shared_task
from django.utils import timezone

from .models import Order


@shared_task
def process_order(order_id):
    order = Order.objects.get(pk=order_id)
    order.status = Order.PROCESSED
    order.processed_at = timezone.now()
    order.save(update_fields=["status", "processed_at"])
    return {"id": order.pk, "status": order.status}
