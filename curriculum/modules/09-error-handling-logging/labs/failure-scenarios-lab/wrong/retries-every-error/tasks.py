"""Wrong: autoretry_for=(Exception,): an invalid order is retried three times before it fails"""
import time

from celery import Celery
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.log import get_task_logger

import flaky

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

logger = get_task_logger(__name__)


class InvalidOrder(ValueError):
    """An order that no retry can fix."""


RETRY = {"autoretry_for": (Exception,), "max_retries": 3, "default_retry_delay": 0.2}


@app.task(bind=True, **RETRY)
def fetch_rate(self, service_url, key, failures):
    rate = flaky.call(service_url, key, failures)
    return {"key": key, "rate": rate, "attempts": self.request.retries + 1}


@app.task(bind=True, **RETRY)
def submit_order(self, order):
    if "id" not in order:
        logger.warning("rejected an order without id: %r", order)
        raise InvalidOrder("order has no id")
    quantity = order.get("quantity")
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        logger.warning("rejected order %s: quantity %r", order["id"], quantity)
        raise InvalidOrder(f"order {order['id']}: quantity must be a positive integer")
    flaky.call(order["gateway_url"], f"order-{order['id']}", order.get("gateway_failures", 0))
    return {"id": order["id"], "status": "accepted", "attempts": self.request.retries + 1}


@app.task(soft_time_limit=1, time_limit=3)
def crunch(seconds):
    steps = 0
    try:
        while steps < seconds * 10:
            time.sleep(0.1)
            steps += 1
    except SoftTimeLimitExceeded:
        logger.warning("crunch(%s) hit its soft time limit after %d steps", seconds, steps)
        return {"status": "timed out", "steps": steps}
    return {"status": "done", "steps": steps}
