"""Hidden tests for module 5's monitoring exercise, black-box: the tasks, and the task events the
worker must send (captured here from the broker, as `celery events` or Flower would). Inputs are
drawn per run from COURSEBOT_SEED (reported in failures)."""
import os
import random
import threading
import time

from coursebot_lab import app, call, outcome, send

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)


def test_add_returns_the_sum():
    x, y = RNG.randint(-10**6, 10**6), RNG.randint(-10**6, 10**6)
    assert call("tasks.add", x, y) == x + y, f"add({x}, {y}) should return {x + y} (seed {SEED})"


def test_sleep_for_returns_its_argument():
    seconds = RNG.randint(1, 30) / 100
    started = time.monotonic()
    assert call("tasks.sleep_for", seconds) == seconds, f"sleep_for({seconds}) should return {seconds} (seed {SEED})"
    assert time.monotonic() - started >= seconds, f"sleep_for({seconds}) should sleep that long"


def test_worker_sends_task_events():
    seen = []
    receiver = {}

    def listen():
        with app.connection_for_read() as connection:
            receiver["it"] = app.events.Receiver(connection, handlers={"*": seen.append})
            try:
                receiver["it"].capture(limit=None, timeout=10, wakeup=False)
            except Exception:  # the capture's own timeout
                pass

    def succeeded():
        return next((e["uuid"] for e in seen if e["type"] == "task-succeeded" and e.get("uuid") in sent), None)

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    time.sleep(1.0)  # let the receiver subscribe; events sent before that are not seen
    sent = []
    for _ in range(4):  # a few tasks, a second apart, in case the receiver subscribed late
        x, y = RNG.randint(1, 999), RNG.randint(1, 999)
        result = send("tasks.add", x, y)
        sent.append(result.id)
        assert outcome(result).expect_success() == x + y, f"add({x}, {y}) (seed {SEED})"
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline and not succeeded():
            time.sleep(0.05)
        if succeeded():
            break
    if "it" in receiver:
        receiver["it"].should_stop = True
    task_id = succeeded()
    assert task_id, f"no task-succeeded event for {len(sent)} add tasks (saw {sorted({e['type'] for e in seen}) or 'no events'}): set worker_send_task_events"
    types = [e["type"] for e in seen if e.get("uuid") == task_id]
    assert {"task-received", "task-started"} <= set(types), f"events seen for the task: {types}"
