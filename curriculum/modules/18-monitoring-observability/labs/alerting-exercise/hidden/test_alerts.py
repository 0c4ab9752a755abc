"""Hidden tests, module 18 alerting exercise. The tests run in order: they build one failure history."""
import json
import os

import redis

from coursebot_lab import call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
OUTBOX = "alerts:outbox"

# A clean slate: windows, cooldowns and alerts of earlier runs must not count.
for _key in store.scan_iter("alerts:*"):
    store.delete(_key)


def alerts(rule=None, task=None):
    found = []
    for raw in store.lrange(OUTBOX, 0, -1):
        try:
            alert = json.loads(raw)
        except ValueError:
            continue
        if isinstance(alert, dict) and (rule is None or alert.get("rule") == rule) and (task is None or alert.get("task") == task):
            found.append(alert)
    return found


def fail(task, times):
    for _ in range(times):
        send(task, True).get(timeout=10, propagate=False)


def settle():
    """Signal handlers run after the result is stored: give them a moment."""
    wait_until(lambda: False, timeout=0.5)


def test_two_failures_raise_no_alert_and_the_third_raises_one_critical_alert():
    fail("tasks.sync_inventory", 2)
    settle()
    assert alerts("failure-burst") == [], f"2 failures are below the threshold of 3, but alerts:outbox holds {alerts()}"
    fail("tasks.sync_inventory", 1)
    found = wait_until(lambda: alerts("failure-burst", "tasks.sync_inventory"), timeout=3)
    assert found, f"no failure-burst alert for tasks.sync_inventory after its 3rd failure (alerts:outbox: {alerts()})"
    assert len(found) == 1 and found[0].get("severity") == "critical", f"expected one critical alert, got {found}"


def test_further_failures_and_successes_do_not_repeat_the_alert():
    fail("tasks.sync_inventory", 5)
    for _ in range(3):
        assert call("tasks.sync_inventory", False) == "synced"
    settle()
    found = alerts("failure-burst", "tasks.sync_inventory")
    assert len(found) == 1, (
        f"expected exactly the one failure-burst alert of the first burst; found {len(found)}: "
        "5 more failures inside the cooldown and 3 successes must not alert")
    assert len(alerts()) == 1, f"successful runs must not alert; alerts:outbox holds {alerts()}"


def test_failures_are_counted_per_task_type():
    fail("tasks.send_email", 2)
    settle()
    assert alerts("failure-burst", "tasks.send_email") == [], (
        "tasks.send_email failed only twice: other task types' failures must not count towards its threshold")
    fail("tasks.send_email", 1)
    found = wait_until(lambda: alerts("failure-burst", "tasks.send_email"), timeout=3)
    assert found and len(found) == 1, f"expected one failure-burst alert for tasks.send_email after its 3rd failure, got {found}"


def test_a_slow_run_raises_a_warning_with_its_run_time_and_a_fast_one_does_not():
    assert call("tasks.build_report", 0.05) == 0.05
    settle()
    assert alerts("slow-task") == [], f"build_report(0.05) is under SLOW_TASK_SECONDS (0.5), but got {alerts('slow-task')}"
    assert call("tasks.build_report", 0.8) == 0.8
    found = wait_until(lambda: alerts("slow-task", "tasks.build_report"), timeout=3)
    assert found, f"no slow-task alert for tasks.build_report after a 0.8 s run (alerts:outbox: {alerts()})"
    alert = found[0]
    assert alert.get("severity") == "warning", f"slow-task alerts have severity 'warning': {alert}"
    assert isinstance(alert.get("runtime"), (int, float)) and 0.7 <= alert["runtime"] < 5, f"runtime should be about 0.8 s: {alert}"


def test_every_alert_carries_rule_task_severity_message_and_time():
    found = alerts()
    assert found, "no alert in alerts:outbox"
    for alert in found:
        missing = [k for k in ("rule", "task", "severity", "message", "at") if k not in alert]
        assert not missing, f"alert {alert} lacks {missing}"
        assert isinstance(alert["message"], str) and alert["message"], f"message must be a non-empty string: {alert}"
        assert isinstance(alert["at"], (int, float)), f"'at' must be a timestamp (time.time()): {alert}"
