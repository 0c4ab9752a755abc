"""Alternative solution: module 13, chord error recovery. Retries through retry_kwargs, the errback
linked with chord.link_error (Celery puts it on the body), and a differently named errback."""
import json

from celery import Celery, chord

app = Celery("recovery")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


class PriceServiceUnavailable(ConnectionError):
    """A transient failure: asking again a moment later usually works."""


def save_dead_letter(job_id, error):
    record = {"job_id": job_id, "error": error}
    app.backend.client.set(f"dead-letter:{job_id}", json.dumps(record), ex=86400)


@app.task(bind=True, autoretry_for=(PriceServiceUnavailable,), retry_kwargs={"max_retries": 3, "countdown": 0.05})
def fetch_price(self, item):
    if item.get("outages", 0) > self.request.retries:
        raise PriceServiceUnavailable(f"price service unavailable for {item['sku']}")
    if item["price"] < 0:
        raise ValueError(f"invalid price for {item['sku']}")
    return item["price"]


@app.task
def total(prices):
    return round(sum(prices), 2)


@app.task(name="recovery.record_failure")
def record_failure(request, exc, traceback, job_id):
    save_dead_letter(job_id, repr(exc))


@app.task
def build_workflow(items, job_id):
    basket = chord([fetch_price.s(item) for item in items], total.s())
    basket.link_error(record_failure.s(job_id))
    return basket
