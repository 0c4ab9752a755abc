"""Reference solution: module 13, chord error recovery exercise."""
import json

from celery import Celery, chord

app = Celery("recovery")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


class PriceServiceUnavailable(ConnectionError):
    """A transient failure: asking again a moment later usually works."""


def save_dead_letter(job_id, error):
    """Stores what went wrong with job `job_id` in Redis (the result backend), kept for a day.

    Operators (and the grader) read it with: redis-cli -n 1 get dead-letter:<job_id>
    """
    record = {"job_id": job_id, "error": error}
    app.backend.client.set(f"dead-letter:{job_id}", json.dumps(record), ex=86400)


@app.task(bind=True, autoretry_for=(PriceServiceUnavailable,), max_retries=3,
          default_retry_delay=0, retry_backoff=False, retry_jitter=False)
def fetch_price(self, item):
    """Returns the price of one basket item: {"sku": "A-1", "price": 4.5, "outages": 0}.

    "outages" simulates the flaky price service: the first `outages` attempts fail.
    Don't change this body: change the decorator.
    """
    if item.get("outages", 0) > self.request.retries:
        raise PriceServiceUnavailable(f"price service unavailable for {item['sku']}")
    if item["price"] < 0:
        raise ValueError(f"invalid price for {item['sku']}")
    return item["price"]


@app.task
def total(prices):
    """The chord body: the basket's total, rounded to cents."""
    return round(sum(prices), 2)


@app.task
def on_chord_error(request, exc, traceback, job_id):
    """Errback of the chord body: records the failure as a dead letter."""
    save_dead_letter(job_id, type(exc).__name__)


def build_basket(items, job_id):
    """chord(fetch_price per item, total), with the errback on the body."""
    return chord([fetch_price.s(item) for item in items], total.s().on_error(on_chord_error.s(job_id)))


@app.task
def build_workflow(items, job_id):
    """Returns the basket's chord as data (a signature is a dict, so it travels as JSON)."""
    return build_basket(items, job_id)
