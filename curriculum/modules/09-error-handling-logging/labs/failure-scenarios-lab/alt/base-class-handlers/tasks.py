"""Alternative solution: retries through self.retry in a shared base class, validation in a helper,
the soft time limit caught as part of a broader except, logging through the standard logging module."""
import logging
import time

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded

import flaky

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

log = logging.getLogger("shop.tasks")


class InvalidOrder(ValueError):
    """Bad input: retrying cannot help."""


class Retrying(Task):
    max_retries = 3

    def call_service(self, url, key, failures):
        try:
            return flaky.call(url, key, failures)
        except ConnectionError as error:
            raise self.retry(exc=error, countdown=0.2)


def check(order):
    if "id" not in order:
        raise InvalidOrder("order has no id")
    qty = order.get("quantity")
    if type(qty) is not int or qty < 1:
        raise InvalidOrder("order %s: quantity must be a positive integer" % order["id"])


@app.task(bind=True, base=Retrying)
def fetch_rate(self, service_url, key, failures):
    return {"key": key, "rate": self.call_service(service_url, key, failures), "attempts": self.request.retries + 1}


@app.task(bind=True, base=Retrying)
def submit_order(self, order):
    try:
        check(order)
    except InvalidOrder as problem:
        log.error("order refused: %s", problem)
        raise
    self.call_service(order["gateway_url"], "order-%s" % order["id"], order.get("gateway_failures", 0))
    return {"id": order["id"], "status": "accepted", "attempts": self.request.retries + 1}


@app.task(soft_time_limit=1, time_limit=3)
def crunch(seconds):
    done = 0
    try:
        for _ in range(int(seconds * 10)):
            time.sleep(0.1)
            done += 1
    except Exception as stop:  # SoftTimeLimitExceeded is an Exception: return what was done
        if not isinstance(stop, SoftTimeLimitExceeded):
            raise
        log.warning("crunch stopped after %d steps", done)
        return {"status": "timed out", "steps": done}
    return {"status": "done", "steps": done}
