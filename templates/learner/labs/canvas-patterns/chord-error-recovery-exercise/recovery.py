"""Error recovery in a chord (module 13 exercise). See README.md in this folder.

A basket's total is a chord: one fetch_price task per item (the header), then total (the body).
Make it survive a flaky price service, and leave a dead letter when it fails for good.
"""
import json

from celery import Celery, chord  # noqa: F401  (you will need chord)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
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


# TODO 1: retry PriceServiceUnavailable automatically, at most 3 times, without waiting long
#         (autoretry_for=..., max_retries=3, default_retry_delay=0 or a small countdown).
@app.task(bind=True)
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


# TODO 2: an errback task for the chord. When the chord fails, it must call
#         save_dead_letter(job_id, error) with an error text that includes the exception's message
#         (which names the failing item's sku).
#         Celery calls an errback whose signature is (request, exc, traceback, *your_args)
#         with the failed request and the exception; extra arguments come from the signature:
#         on_chord_error.s(job_id) -> on_chord_error(request, exc, traceback, job_id).


def build_basket(items, job_id):
    """Returns (does not run) the chord for a basket.

    TODO 3: chord([fetch_price.s(item) for item in items], <the body>), where the body is
            total's signature with your errback attached (a signature's on_error method).
    """
    raise NotImplementedError("build the chord")


@app.task
def build_workflow(items, job_id):
    """Returns the basket's chord as data (a signature is a dict, so it travels as JSON)."""
    return build_basket(items, job_id)
