"""Three ways a task fails, three ways to handle it (module 9 lab). See README.md in this folder."""
import time

from celery import Celery
from celery.exceptions import SoftTimeLimitExceeded  # noqa: F401  (for TODO 4)
from celery.utils.log import get_task_logger

import flaky

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

logger = get_task_logger(__name__)


class InvalidOrder(ValueError):
    """An order that no retry can fix."""


# Scenario 1, a transient error: the rate service is sometimes down for a moment.
# TODO 1: retry automatically on ConnectionError only, at most 3 times, 0.2 s apart.
@app.task(bind=True)
def fetch_rate(self, service_url, key, failures):
    rate = flaky.call(service_url, key, failures)
    return {"key": key, "rate": rate, "attempts": self.request.retries + 1}


# Scenario 2, a permanent error: bad input fails the same way every time.
# TODO 2: autoretry_for=(Exception,) retries everything, bad input included: retry only
#         ConnectionError (the payment gateway), still at most 3 times, 0.2 s apart.
@app.task(bind=True, autoretry_for=(Exception,), max_retries=3, default_retry_delay=0.2)
def submit_order(self, order):
    # TODO 3: before calling the gateway, raise InvalidOrder (and log a warning) when
    #         - order has no "id":                      InvalidOrder("order has no id")
    #         - "quantity" is not a positive integer:   InvalidOrder(f"order {id}: quantity must be a positive integer")
    flaky.call(order["gateway_url"], f"order-{order['id']}", order.get("gateway_failures", 0))
    return {"id": order["id"], "status": "accepted", "attempts": self.request.retries + 1}


# Scenario 3, a task that runs too long.
# TODO 4: give it a soft time limit of 1 s and a hard one of 3 s; catch SoftTimeLimitExceeded,
#         log it, and return {"status": "timed out", "steps": steps} with the work done so far.
@app.task
def crunch(seconds):
    steps = 0
    while steps < seconds * 10:
        time.sleep(0.1)  # one step of work
        steps += 1
    return {"status": "done", "steps": steps}
