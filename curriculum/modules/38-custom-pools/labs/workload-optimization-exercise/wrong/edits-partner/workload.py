"""Wrong on purpose: leaves get_client building a client per call and edits partner.py instead (a free, self-caching client, no network wait)"""
import os
import threading

from celery import Celery

import partner

app = Celery("workload")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # I/O-bound calls through one expensive, shareable client: threads in one process. Prefork
    # would build the client in every child (CPU-bound, 0.4 s each on 2 cores) for no gain.
    worker_pool="threads",
)


_client = None
_client_lock = threading.Lock()


def get_client():
    """One client per process, built on first use; the lock makes racing threads wait for it."""
    return partner.PartnerClient()


@app.task
def fetch(item_id):
    client = get_client()
    answer = client.fetch(item_id)
    return {**answer, "pid": os.getpid(), "client": id(client)}


@app.task
def client_stats():
    return {"pid": os.getpid(), "clients_created": partner.created}
