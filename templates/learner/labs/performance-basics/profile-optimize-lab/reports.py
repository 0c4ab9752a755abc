"""Slow report tasks to profile and optimize (module 15 lab). See README.md in this folder.

Every task here returns the right answer, slowly. Measure first (profile_tasks.py), then fix the
bottleneck you found, and keep the results exactly the same.
"""
import time

from celery import Celery

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("reports")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
# TODO 4: these tasks are long: reserve one message at a time per process and acknowledge after the
#         task ran (worker_prefetch_multiplier, task_acks_late).

LOOKUP_LATENCY = 0.05  # seconds: the customer API is remote and slow. Leave it as it is.


def lookup_customer(customer_id):
    """Asks the (simulated) customer API for one customer. Each call costs LOOKUP_LATENCY seconds."""
    time.sleep(LOOKUP_LATENCY)
    return {"id": customer_id, "name": f"Customer {customer_id}", "segment": "gold" if customer_id % 3 == 0 else "standard"}


@app.task
def count_primes(limit):
    """How many prime numbers are <= limit."""
    count = 0
    for n in range(2, limit + 1):
        if all(n % d for d in range(2, n)):
            count += 1
    return count


@app.task
def top_words(text, n):
    """The n most frequent words of text (lower-cased, split on whitespace) as [[word, count], ...],
    most frequent first, ties in alphabetical order."""
    words = text.lower().split()
    counts = []
    for word in sorted(set(words)):
        counts.append([word, words.count(word)])
    counts.sort(key=lambda pair: -pair[1])
    return counts[:n]


@app.task
def enrich_orders(orders):
    """Adds the customer's name and segment to every order: [{"id": 1, "customer": 7, ...}, ...]."""
    enriched = []
    for order in orders:
        customer = lookup_customer(order["customer"])
        enriched.append(dict(order, customer_name=customer["name"], segment=customer["segment"]))
    return enriched


@app.task
def record_event(name):
    """Counts an event for the dashboard. Nobody ever reads this task's result."""
    # TODO 5: nobody reads the result, so don't store it (a task option).
    return {"event": name, "recorded": True}
