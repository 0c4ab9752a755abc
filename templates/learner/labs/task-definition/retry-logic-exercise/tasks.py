"""Retry logic for failing tasks (module 4 exercise). See README.md in this folder."""
from celery import Celery

import services
from services import CardDeclined, GatewayTimeout, ServiceUnavailable  # noqa: F401

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(bind=True)
def charge_payment(self, service_url, payment_id, amount):
    """Charges a payment through the flaky gateway and returns its receipt plus "retries".

    TODO 1: retry explicitly: catch GatewayTimeout and `raise self.retry(exc=exc, countdown=0.5)`,
            at most 3 retries (max_retries=3 on the decorator). Never retry CardDeclined: a
            declined card stays declined.
    """
    receipt = services.charge(service_url, payment_id, amount)
    return {**receipt, "retries": self.request.retries}


@app.task(bind=True)
def reserve_stock(self, service_url, sku):
    """Reserves stock through the flaky inventory service and returns its answer plus "retries".

    TODO 2: retry automatically, with no try/except in the body: declare autoretry_for with
            ServiceUnavailable, exponential back-off (retry_backoff=True) capped at 2 seconds
            (retry_backoff_max=2), no jitter (retry_jitter=False) and max_retries=3.
    """
    return {**services.reserve(service_url, sku), "retries": self.request.retries}
