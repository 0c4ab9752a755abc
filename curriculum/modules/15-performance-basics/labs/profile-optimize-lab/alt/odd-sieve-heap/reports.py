"""Alternative solution: module 15, profile and optimize lab: a sieve over odd numbers only, a dict count
with heapq.nsmallest for the ranking, a per-call lookup cache, settings from a class."""
import heapq
import time

from celery import Celery


class Settings:
    task_serializer = result_serializer = "json"
    accept_content = ["json"]
    worker_prefetch_multiplier = 1
    task_acks_late = True


app = Celery("reports")
app.config_from_object(Settings)

LOOKUP_LATENCY = 0.05  # seconds: the customer API is remote and slow. Leave it as it is.


def lookup_customer(customer_id):
    """Asks the (simulated) customer API for one customer. Each call costs LOOKUP_LATENCY seconds."""
    time.sleep(LOOKUP_LATENCY)
    return {"id": customer_id, "name": f"Customer {customer_id}", "segment": "gold" if customer_id % 3 == 0 else "standard"}


@app.task(name="reports.count_primes")
def count_primes(limit):
    if limit < 3:
        return 1 if limit == 2 else 0
    size = (limit - 1) // 2  # index i stands for 2 * i + 3
    odd = bytearray(b"\x01") * size
    i = 0
    while (2 * i + 3) ** 2 <= limit:
        if odd[i]:
            p = 2 * i + 3
            start = (p * p - 3) // 2
            odd[start::p] = bytes(len(range(start, size, p)))
        i += 1
    return 1 + odd.count(1)


@app.task(name="reports.top_words")
def top_words(text, n):
    counts = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return [[word, count] for word, count in heapq.nsmallest(n, counts.items(), key=lambda item: (-item[1], item[0]))]


@app.task(name="reports.enrich_orders")
def enrich_orders(orders):
    seen = {}
    enriched = []
    for order in orders:
        cid = order["customer"]
        if cid not in seen:
            seen[cid] = lookup_customer(cid)
        enriched.append({**order, "customer_name": seen[cid]["name"], "segment": seen[cid]["segment"]})
    return enriched


@app.task(name="reports.record_event", ignore_result=True)
def record_event(name):
    return {"event": name, "recorded": True}
