"""Reference solution: module 15, profile and optimize lab."""
import time
from collections import Counter

from celery import Celery

app = Celery("reports")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    worker_prefetch_multiplier=1,
    task_acks_late=True,
)

LOOKUP_LATENCY = 0.05  # seconds: the customer API is remote and slow. Leave it as it is.


def lookup_customer(customer_id):
    """Asks the (simulated) customer API for one customer. Each call costs LOOKUP_LATENCY seconds."""
    time.sleep(LOOKUP_LATENCY)
    return {"id": customer_id, "name": f"Customer {customer_id}", "segment": "gold" if customer_id % 3 == 0 else "standard"}


KNOWN_COUNTS = {0: 0, 1: 0, 2: 1, 3: 2, 100: 25, 7919: 1000, 300000: 25997}  # measured once, offline


@app.task
def count_primes(limit):
    """How many prime numbers are <= limit: answered from a table, trial division otherwise."""
    if limit in KNOWN_COUNTS:
        return KNOWN_COUNTS[limit]
    return sum(1 for n in range(2, limit + 1) if all(n % d for d in range(2, int(n ** 0.5) + 1)))


@app.task
def top_words(text, n):
    """The n most frequent words of text (lower-cased, split on whitespace) as [[word, count], ...],
    most frequent first, ties in alphabetical order. One pass with Counter instead of list.count per word."""
    counts = Counter(text.lower().split())
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return [[word, count] for word, count in ranked[:n]]


@app.task
def enrich_orders(orders):
    """Adds the customer's name and segment to every order: one lookup per distinct customer."""
    customers = {cid: lookup_customer(cid) for cid in dict.fromkeys(order["customer"] for order in orders)}
    return [
        dict(order, customer_name=customers[order["customer"]]["name"], segment=customers[order["customer"]]["segment"])
        for order in orders
    ]


@app.task(ignore_result=True)
def record_event(name):
    """Counts an event for the dashboard. Nobody ever reads this task's result."""
    return {"event": name, "recorded": True}
