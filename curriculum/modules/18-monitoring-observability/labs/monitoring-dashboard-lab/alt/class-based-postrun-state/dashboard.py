"""Alternative solution: the dashboard as a class; events applied with State.event as the handler for
every type, snapshots published by a timer thread, and a CLI that prints the rate before the workers."""
import json
import os
import sys
import threading
import time
from collections import defaultdict

import redis
from celery.signals import worker_ready

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
SNAPSHOT_KEY = "dashboard:snapshot"
PUBLISH_EVERY = 0.5


class Dashboard:
    def __init__(self, app):
        self.app = app
        self.state = app.events.State(max_tasks_in_memory=100_000)
        self.guard = threading.RLock()
        self.redis = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", BROKER_URL))

    def apply(self, event):
        with self.guard:
            self.state.event(event)

    def listen(self):
        while True:
            try:
                with self.app.connection_for_read() as connection:
                    self.app.events.Receiver(connection, handlers={"*": self.apply}).capture(limit=None, timeout=None)
            except Exception:  # noqa: BLE001 - keep listening after a broker hiccup
                time.sleep(0.5)

    def publish_forever(self):
        stop = threading.Event()
        while not stop.wait(PUBLISH_EVERY / 2):
            with self.guard:
                text = json.dumps(snapshot(self.state))
            self.redis.set(SNAPSHOT_KEY, text)

    def start(self, **_):
        for target in (self.listen, self.publish_forever):
            threading.Thread(target=target, daemon=True).start()


def install(app):
    worker_ready.connect(Dashboard(app).start, weak=False)


def snapshot(state):
    per_state = defaultdict(int)
    per_type = defaultdict(lambda: {"succeeded": 0, "failed": 0, "runs": []})
    for task in state.tasks.values():
        per_state[task.state] += 1
        if task.name is None:
            continue
        entry = per_type[task.name]
        if task.state == "FAILURE":
            entry["failed"] += 1
        elif task.state == "SUCCESS":
            entry["succeeded"] += 1
            entry["runs"] += [task.runtime] if task.runtime is not None else []
    finished = per_state["SUCCESS"] + per_state["FAILURE"]
    return {
        "updated": time.time(),
        "workers": {name: {"alive": w.alive, "active": w.active or 0, "processed": w.processed or 0}
                    for name, w in state.workers.items()},
        "tasks": {name: count for name, count in per_state.items() if count},
        "task_types": {name: {"succeeded": e["succeeded"], "failed": e["failed"],
                              "avg_runtime": (sum(e["runs"]) / len(e["runs"])) if e["runs"] else None}
                       for name, e in per_type.items()},
        "failure_rate": per_state["FAILURE"] / finished if finished else 0.0,
    }


def main(out=sys.stdout):
    raw = redis.Redis.from_url(BROKER_URL).get(SNAPSHOT_KEY)
    if not raw:
        print("nothing to show yet", file=out)
        return
    data = json.loads(raw)
    print(f"failure rate: {round(100 * data['failure_rate'], 1)}%", file=out)
    alive = [name for name, worker in data["workers"].items() if worker["alive"]]
    print("workers online: %d" % len(alive), file=out)
    for name in alive:
        print(f"  - {name}", file=out)
    for name, entry in data["task_types"].items():
        print(f"{name}: {entry['succeeded']} ok / {entry['failed']} failed", file=out)


if __name__ == "__main__":
    main()
