"""Hidden tests for module 5's monitoring exercise, black-box: the tasks, and the task events the
worker must send (captured here from the broker, as `celery events` or Flower would)."""
import threading
import time

from coursebot_lab import app, call, send


def test_add_returns_the_sum():
    assert call("tasks.add", 2, 3) == 5


def test_sleep_for_returns_its_argument():
    assert call("tasks.sleep_for", 0.2) == 0.2


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
        result = send("tasks.add", 4, 5)
        sent.append(result.id)
        assert result.get(timeout=10) == 9
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
