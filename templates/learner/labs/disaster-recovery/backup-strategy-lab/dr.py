"""Backing up and restoring what Celery keeps in Redis (module 31 lab). See README.md in this folder."""
import os

import redis
from celery import Celery

app = Celery("dr")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # Business work goes to its own queues; backup and restore run on the "maintenance" queue.
    task_routes={
        "dr.process_order": {"queue": "orders"},
        "dr.send_email": {"queue": "emails"},
        "dr.backup_queues": {"queue": "maintenance"},
        "dr.restore_queues": {"queue": "maintenance"},
    },
)

# The queues whose messages a disaster would lose: each is a Redis list of JSON messages, newest
# first (producers LPUSH, workers BRPOP from the other end).
QUEUES = ("orders", "emails")
BACKUP_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "backups")

broker = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.task(name="dr.process_order")
def process_order(order_id):
    return f"order {order_id} processed"


@app.task(name="dr.send_email")
def send_email(address):
    return f"mail sent to {address}"


@app.task(name="dr.backup_queues")
def backup_queues(name):
    # TODO 1: write every message of every queue in QUEUES, in list order, to the file
    #         BACKUP_DIR/<name>.json (create the folder), and return
    #         {"path": <absolute path of the file>, "queues": {"orders": <count>, "emails": <count>}}.
    raise NotImplementedError("backup_queues")


@app.task(name="dr.restore_queues")
def restore_queues(name):
    # TODO 2: read BACKUP_DIR/<name>.json and put its messages back into their queues so that they
    #         are consumed in their original order (the oldest first). Skip a message whose task id
    #         (message["headers"]["id"]) is already in the queue: restoring into a broker that kept
    #         some messages, or restoring twice, must not run a task twice. Return how many messages
    #         you pushed per queue: {"orders": <count>, "emails": <count>}.
    raise NotImplementedError("restore_queues")
