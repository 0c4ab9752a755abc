"""Module 19 lab: tasks that call the fragile pricing API through a circuit breaker.

You should not need to change this file: your work goes into breaker.py.
"""
from celery import Celery

import pricing
from breaker import CircuitBreaker

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

pricing_breaker = CircuitBreaker("pricing-api")


@app.task(throws=(pricing.UnknownSymbol,))
def get_price(symbol):
    """{"symbol": ..., "price": ...}; fails with ServiceUnavailable, UnknownSymbol or CircuitOpenError."""
    return pricing_breaker.call(pricing.fetch_price, symbol)


@app.task
def circuit_state():
    """What the breaker looks like from this worker: {"state": "closed", "failures": 0}."""
    return {"state": pricing_breaker.state(), "failures": pricing_breaker.failures()}
