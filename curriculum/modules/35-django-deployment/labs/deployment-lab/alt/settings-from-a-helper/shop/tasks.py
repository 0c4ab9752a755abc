"""Tasks of the shop app (reference solution).

Release 1 had one task, shop.tasks.email_receipt(order_id). Release 2, the one you deploy, renames
it to send_receipt and adds a channel ("email" or "sms"). During the rolling deploy, messages sent
by release 1 are still queued, and release 1 web processes keep sending them until they stop.
"""
from celery import shared_task


@shared_task
def send_receipt(order_id, channel="email"):
    """channel is new in release 2: messages from release 1 do not carry it."""
    return f"receipt for order {order_id} sent by {channel}"


@shared_task(name="shop.tasks.email_receipt")
def email_receipt(order_id):
    """Release 1's name, kept until its queue has drained; remove it in release 3."""
    return send_receipt(order_id, "email")
