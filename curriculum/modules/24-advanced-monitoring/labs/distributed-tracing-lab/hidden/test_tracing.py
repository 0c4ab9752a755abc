"""Hidden tests for module 24's tracing lab: tasks are sent by name (some with a trace_id header, as an
upstream service would), and the spans the learner's signal handlers record are read from Redis."""
import json
import os
import uuid

import redis
from coursebot_lab import call, send, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)
WORKFLOW = {"tasks.checkout", "tasks.reserve_stock", "tasks.charge_card", "tasks.send_email", "tasks.send_sms"}


def new_trace():
    return "grader-" + uuid.uuid4().hex


def span(task_id, timeout=5):
    raw = wait_until(lambda: store.get(f"tracing-lab:span:{task_id}"), timeout=timeout)
    assert raw, f"no span was recorded for task {task_id} (record_span() in task_postrun stores tracing-lab:span:<task id>)"
    return json.loads(raw)


def spans_of(trace_id, count, timeout=10):
    key = f"tracing-lab:trace:{trace_id}"
    wait_until(lambda: store.llen(key) >= count, timeout=timeout)
    spans = [json.loads(raw) for raw in (store.get(f"tracing-lab:span:{i}") for i in store.lrange(key, 0, -1)) if raw]
    names = sorted(s.get("name") for s in spans)
    assert len(spans) >= count, f"expected {count} spans in trace {trace_id}, found {len(spans)}: {names}"
    return {s["name"]: s for s in spans}


def test_a_task_keeps_the_trace_id_it_was_sent_with():
    trace = new_trace()
    assert call("tasks.current_trace", headers={"trace_id": trace}) == trace


def test_a_task_sent_without_a_trace_id_starts_a_new_trace():
    first, second = call("tasks.current_trace"), call("tasks.current_trace")
    assert isinstance(first, str) and len(first) >= 8, f"expected a new trace id, got {first!r}"
    assert first != second, "two unrelated tasks got the same trace id"


def test_a_trace_does_not_leak_into_the_next_task():
    for _ in range(3):
        trace = new_trace()
        assert call("tasks.current_trace", headers={"trace_id": trace}) == trace
        after = call("tasks.current_trace")
        assert after != trace, "a task sent without a trace id ran under the previous task's trace: forget it in task_postrun"


def test_every_task_records_a_span():
    trace = new_trace()
    result = send("tasks.add", 2, 3, headers={"trace_id": trace})
    assert result.get(timeout=10) == 5
    recorded = span(result.id)
    assert recorded.get("task_id") == result.id
    assert recorded.get("name") == "tasks.add"
    assert recorded.get("trace_id") == trace
    assert recorded.get("parent_id") is None, "a task sent by a client has no parent"
    assert recorded.get("state") == "SUCCESS"
    duration = recorded.get("duration")
    assert isinstance(duration, (int, float)) and 0 <= duration < 5, f"duration should be the run time in seconds, got {duration!r}"


def test_a_failing_task_still_records_its_span():
    trace = new_trace()
    result = send("tasks.fail", headers={"trace_id": trace})
    result.get(timeout=10, propagate=False)
    recorded = span(result.id)
    assert recorded.get("trace_id") == trace
    assert recorded.get("state") == "FAILURE"


def test_the_whole_workflow_shares_the_callers_trace():
    trace = new_trace()
    assert call("tasks.checkout", "order-1", headers={"trace_id": trace}) == trace
    spans = spans_of(trace, len(WORKFLOW))
    assert set(spans) == WORKFLOW, f"the trace should hold exactly the five workflow tasks, found {sorted(spans)}"


def test_each_span_names_the_task_that_sent_it():
    trace = new_trace()
    root = send("tasks.checkout", "order-2", headers={"trace_id": trace})
    root.get(timeout=10)
    spans = spans_of(trace, len(WORKFLOW))
    assert spans["tasks.checkout"]["parent_id"] is None
    assert spans["tasks.reserve_stock"]["parent_id"] == root.id, "checkout sent reserve_stock"
    assert spans["tasks.charge_card"]["parent_id"] == spans["tasks.reserve_stock"]["task_id"], "the chain moved on from reserve_stock"
    for name in ("tasks.send_email", "tasks.send_sms"):
        assert spans[name]["parent_id"] == spans["tasks.charge_card"]["task_id"], f"{name} was sent after charge_card"


def test_a_workflow_started_without_a_trace_gets_one_trace_of_its_own():
    trace = call("tasks.checkout", "order-3")
    assert isinstance(trace, str) and trace, "checkout returns tracing.current_trace_id(): it should be the new trace"
    spans = spans_of(trace, len(WORKFLOW))
    assert set(spans) == WORKFLOW
