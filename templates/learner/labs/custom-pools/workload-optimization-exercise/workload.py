"""Optimize for a specific workload (module 38 exercise). See README.md in this folder."""
import os

from celery import Celery

import partner

app = Celery("workload")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # TODO 1: choose the pool for this workload (worker_pool); the grader starts the worker
    #         without -P and with -c 10.
)


def get_client():
    # TODO 2: build one partner.PartnerClient per process, lazily, and reuse it; many tasks may
    #         ask for it at the same moment, so build it only once.
    return partner.PartnerClient()


@app.task
def fetch(item_id):
    client = get_client()
    answer = client.fetch(item_id)
    return {**answer, "pid": os.getpid(), "client": id(client)}


@app.task
def client_stats():
    return {"pid": os.getpid(), "clients_created": partner.created}
