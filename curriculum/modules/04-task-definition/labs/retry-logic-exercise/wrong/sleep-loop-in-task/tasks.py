"""Wrong: retries by looping with time.sleep inside the task (and reports the loop's count as "retries"),
holding the worker process for the whole wait."""
import time

from celery import Celery

import services
from services import GatewayTimeout, ServiceUnavailable

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(bind=True)
def charge_payment(self, service_url, payment_id, amount):
    for attempt in range(4):
        try:
            return {**services.charge(service_url, payment_id, amount), "retries": attempt}
        except GatewayTimeout:
            if attempt == 3:
                raise
            time.sleep(0.5)


@app.task(bind=True)
def reserve_stock(self, service_url, sku):
    for attempt in range(4):
        try:
            return {**services.reserve(service_url, sku), "retries": attempt}
        except ServiceUnavailable:
            if attempt == 3:
                raise
            time.sleep(min(2, 2 ** attempt))
