"""Alternative backup and restore (module 31): pathlib, a WATCH-free MULTI snapshot through
transaction=True, and a restore that pushes message by message in one pipeline."""
from pathlib import Path
import json
import os
import tempfile

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
BACKUP_DIR = Path(__file__).resolve().parent / "backups"

broker = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))


@app.task(name="dr.process_order")
def process_order(order_id):
    return f"order {order_id} processed"


@app.task(name="dr.send_email")
def send_email(address):
    return f"mail sent to {address}"


def _file(name):
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError("bad backup name %r" % (name,))
    return BACKUP_DIR / (name + ".json")


def _id_of(raw):
    return json.loads(raw)["headers"]["id"]


@app.task(name="dr.backup_queues")
def backup_queues(name):
    with broker.pipeline(transaction=True) as pipe:
        for queue in QUEUES:
            pipe.lrange(queue, 0, -1)
        lists = pipe.execute()
    snapshot = {queue: [raw.decode() for raw in raw_list] for queue, raw_list in zip(QUEUES, lists)}
    BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    target = _file(name)
    with tempfile.NamedTemporaryFile("w", dir=BACKUP_DIR, delete=False, encoding="utf-8") as out:
        json.dump({"queues": snapshot}, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(out.name, target)
    return {"path": str(target), "queues": {queue: len(items) for queue, items in snapshot.items()}}


@app.task(name="dr.restore_queues")
def restore_queues(name):
    snapshot = json.loads(_file(name).read_text(encoding="utf-8"))["queues"]
    counts = {}
    for queue in QUEUES:
        already = set(map(_id_of, broker.lrange(queue, 0, -1)))
        with broker.pipeline() as pipe:
            pushed = 0
            for raw in snapshot.get(queue, []):
                if _id_of(raw) not in already:
                    pipe.rpush(queue, raw)  # oldest first out: workers pop from the right
                    already.add(_id_of(raw))
                    pushed += 1
            pipe.execute()
        counts[queue] = pushed
    return counts
