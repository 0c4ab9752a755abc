"""Reference solution: a live Celery dashboard built on the event stream (module 18 lab)."""
import json
import os
import threading
import time

import redis
from celery.signals import worker_ready

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
SNAPSHOT_KEY = "dashboard:snapshot"
PUBLISH_EVERY = 0.5


def install(app):
    """Start the event consumer once the worker is ready (in the worker's main process)."""

    def start(**kwargs):
        threading.Thread(target=consume, args=(app,), name="dashboard", daemon=True).start()

    worker_ready.connect(start, weak=False)


def consume(app):
    state = app.events.State()
    lock = threading.Lock()
    store = redis.Redis.from_url(BROKER_URL)

    def on_event(event):
        with lock:
            state.event(event)

    def publish():
        while True:
            with lock:
                data = snapshot(state)
            store.set(SNAPSHOT_KEY, json.dumps(data))
            time.sleep(PUBLISH_EVERY)

    threading.Thread(target=publish, name="dashboard-publisher", daemon=True).start()
    while True:  # reconnect if the broker connection drops
        try:
            with app.connection() as conn:
                receiver = app.events.Receiver(conn, handlers={"*": on_event})
                receiver.capture(limit=None, timeout=None, wakeup=True)
        except Exception:  # noqa: BLE001 - a dashboard must outlive broker hiccups
            time.sleep(1)


def snapshot(state):
    by_state = {}
    types = {}
    for task in list(state.tasks.values()):
        by_state[task.state] = by_state.get(task.state, 0) + 1
        if not task.name:
            continue
        entry = types.setdefault(task.name, {"succeeded": 0, "failed": 0, "runtimes": []})
        if task.state == "SUCCESS":
            entry["succeeded"] += 1
            if task.runtime is not None:
                entry["runtimes"].append(task.runtime)
        elif task.state == "FAILURE":
            entry["failed"] += 1

    task_types = {
        name: {
            "succeeded": entry["succeeded"],
            "failed": entry["failed"],
            "avg_runtime": sum(entry["runtimes"]) / len(entry["runtimes"]) if entry["runtimes"] else None,
        }
        for name, entry in types.items()
    }
    succeeded = by_state.get("SUCCESS", 0)
    failed = by_state.get("FAILURE", 0)
    return {
        "updated": time.time(),
        "workers": {
            hostname: {"alive": worker.alive, "active": worker.active or 0, "processed": worker.processed or 0}
            for hostname, worker in list(state.workers.items())
        },
        "tasks": by_state,
        "task_types": task_types,
        "failure_rate": failed / len(state.tasks) if state.tasks else 0.0,
    }


def main():
    client = redis.Redis.from_url(BROKER_URL)
    raw = client.get(SNAPSHOT_KEY)
    if raw is None:
        print("no snapshot yet: is a worker running with -E and your consumer started?")
        return
    data = json.loads(raw)
    age = time.time() - data["updated"]
    workers = data["workers"]
    print(f"Celery dashboard (snapshot {age:.1f} s old)")
    print(f"workers online: {sum(1 for w in workers.values() if w['alive'])}")
    for hostname, worker in sorted(workers.items()):
        status = "alive" if worker["alive"] else "OFFLINE"
        print(f"  {hostname:<30} {status:<8} active {worker['active']:>3}  processed {worker['processed']:>5}")
    print("tasks: " + (", ".join(f"{name} {count}" for name, count in sorted(data["tasks"].items())) or "none yet"))
    print(f"failure rate: {data['failure_rate'] * 100:.1f}%")
    print(f"{'task type':<24} {'ok':>5} {'failed':>7} {'avg run time':>13}")
    for name, entry in sorted(data["task_types"].items()):
        runtime = "-" if entry["avg_runtime"] is None else f"{entry['avg_runtime']:.3f} s"
        print(f"{name:<24} {entry['succeeded']:>5} {entry['failed']:>7} {runtime:>13}")


if __name__ == "__main__":
    main()
