"""Wrong: no retry_backoff_max: waits 1 s, 2 s, then 4 s"""
from celery import Celery

import services
from services import GatewayTimeout, ServiceUnavailable

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(bind=True, max_retries=3)
def charge_payment(self, service_url, payment_id, amount):
    try:
        receipt = services.charge(service_url, payment_id, amount)
    except GatewayTimeout as exc:
        raise self.retry(exc=exc, countdown=0.5)
    return {**receipt, "retries": self.request.retries}


@app.task(
    bind=True,
    autoretry_for=(ServiceUnavailable,),
    retry_backoff=True,
    retry_jitter=False,
    max_retries=3,
)
def reserve_stock(self, service_url, sku):
    return {**services.reserve(service_url, sku), "retries": self.request.retries}
