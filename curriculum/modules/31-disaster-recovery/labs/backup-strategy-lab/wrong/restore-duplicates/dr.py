"""Reference solution: module 31, backup strategy lab."""
import json
import os

import redis
from celery import Celery

app = Celery("dr")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_routes={
        "dr.process_order": {"queue": "orders"},
        "dr.send_email": {"queue": "emails"},
        "dr.backup_queues": {"queue": "maintenance"},
        "dr.restore_queues": {"queue": "maintenance"},
    },
)

QUEUES = ("orders", "emails")
BACKUP_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "backups")

broker = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.task(name="dr.process_order")
def process_order(order_id):
    return f"order {order_id} processed"


@app.task(name="dr.send_email")
def send_email(address):
    return f"mail sent to {address}"


def _path(name):
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"bad backup name {name!r}")
    return os.path.join(BACKUP_DIR, name + ".json")


def _task_id(raw):
    return json.loads(raw)["headers"]["id"]


@app.task(name="dr.backup_queues")
def backup_queues(name):
    # One MULTI/EXEC transaction, so all queues are read at the same instant.
    pipe = broker.pipeline(transaction=True)
    for queue in QUEUES:
        pipe.lrange(queue, 0, -1)
    snapshot = {queue: [raw.decode() for raw in messages] for queue, messages in zip(QUEUES, pipe.execute())}
    os.makedirs(BACKUP_DIR, exist_ok=True)
    path = _path(name)
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        json.dump({"queues": snapshot}, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(path + ".tmp", path)
    return {"path": path, "queues": {queue: len(messages) for queue, messages in snapshot.items()}}


@app.task(name="dr.restore_queues")
def restore_queues(name):
    with open(_path(name), encoding="utf-8") as backup:
        snapshot = json.load(backup)["queues"]
    restored = {}
    for queue in QUEUES:
        present = {_task_id(raw) for raw in broker.lrange(queue, 0, -1)}
        # The list holds the newest message first; workers pop from the right, so pushing the
        # backup's messages onto the right end in list order makes the oldest the next one out.
        missing = list(snapshot.get(queue, []))
        if missing:
            broker.rpush(queue, *missing)
        restored[queue] = len(missing)
    return restored
