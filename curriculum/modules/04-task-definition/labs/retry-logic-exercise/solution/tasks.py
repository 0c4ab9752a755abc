"""Reference solution: module 4, retry logic exercise."""
from celery import Celery

import flaky_service
from flaky_service import GatewayTimeout, ServiceUnavailable

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(bind=True, max_retries=3)
def charge_payment(self, payment_id, amount, fail_times=0, declined=False):
    try:
        receipt = flaky_service.charge(payment_id, amount, fail_times, declined)
    except GatewayTimeout as exc:
        raise self.retry(exc=exc, countdown=0.5)
    return {**receipt, "retries": self.request.retries}


@app.task(
    bind=True,
    autoretry_for=(ServiceUnavailable,),
    retry_backoff=True,
    retry_backoff_max=2,
    retry_jitter=False,
    max_retries=3,
)
def reserve_stock(self, sku, fail_times=0):
    return {**flaky_service.reserve(sku, fail_times), "retries": self.request.retries}
