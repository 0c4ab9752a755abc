"""Alternative correct solution (module 38 workload): the threads pool set with app.conf, and the one
client built when the worker starts (the worker_init signal, before any task runs), with a locked
lazy build as the fallback outside a worker."""
import os
import threading

from celery import Celery
from celery.signals import worker_init

import partner

app = Celery("workload")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]
app.conf.worker_pool = "threads"

_shared = {}
_guard = threading.Lock()


def _build():
    with _guard:
        if "client" not in _shared:
            _shared["client"] = partner.PartnerClient()
        return _shared["client"]


@worker_init.connect
def build_client_at_start(**_):
    _build()


def get_client():
    client = _shared.get("client")
    return client if client is not None else _build()


@app.task
def fetch(item_id):
    client = get_client()
    answer = client.fetch(item_id)
    return {**answer, "pid": os.getpid(), "client": id(client)}


@app.task
def client_stats():
    return {"pid": os.getpid(), "clients_created": partner.created}
