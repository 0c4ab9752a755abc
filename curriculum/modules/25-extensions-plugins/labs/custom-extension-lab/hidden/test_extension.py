"""Hidden tests for module 25's extension lab: the worker is started with --pulse-interval 0.2; the
pulse it writes to Redis and its two remote control commands are checked from outside, and the
last test shuts the worker down to see the step stop cleanly."""
import os
import time

import pytest
import redis
from coursebot_lab import app, wait_until

store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


@pytest.fixture(scope="module")
def worker():
    replies = wait_until(lambda: app.control.ping(timeout=1), timeout=5)
    assert replies, "the worker does not answer ping"
    return next(iter(replies[0]))


def pulse(worker):
    return store.hgetall(f"extension-lab:pulse:{worker}")


def beats(worker):
    return int(pulse(worker).get("beats") or 0)


def command(name, worker, **arguments):
    replies = app.control.broadcast(name, arguments=arguments, destination=[worker], reply=True, timeout=2)
    assert replies, f"no reply to the remote control command {name!r}: is it registered in the worker?"
    reply = replies[0][worker]
    assert not (isinstance(reply, dict) and "error" in reply), f"the worker answered {name!r} with {reply}: register it with @inspect_command or @control_command"
    return reply


def test_the_step_marks_the_worker_running_with_the_interval_of_the_option(worker):
    state = wait_until(lambda: pulse(worker), timeout=3)
    assert state, f"nothing written to the hash extension-lab:pulse:{worker}"
    assert state.get("status") == "running"
    assert float(state.get("interval", "nan")) == pytest.approx(0.2), "the worker was started with --pulse-interval 0.2"


def test_the_step_beats_at_its_interval(worker):
    before, started = beats(worker), time.monotonic()
    time.sleep(1.2)
    counted = beats(worker) - before
    elapsed = time.monotonic() - started
    assert 0.5 * elapsed / 0.2 <= counted <= 1.6 * elapsed / 0.2 + 1, f"{counted} beats in {elapsed:.1f} s at an interval of 0.2 s"
    assert abs(time.time() - float(pulse(worker).get("last", 0))) < 1.0, "last should be the time.time() of the latest beat"


def test_pulse_status_answers_over_remote_control(worker):
    status = command("pulse_status", worker)
    assert status.get("running") is True
    assert status.get("interval") == pytest.approx(0.2)
    assert isinstance(status.get("beats"), int) and status["beats"] >= 1
    assert abs(status["beats"] - beats(worker)) <= 2, "pulse_status should report the beats the step counted"


def test_set_pulse_interval_changes_the_rate_of_the_running_pulse(worker):
    reply = command("set_pulse_interval", worker, interval=0.5)
    assert reply, "set_pulse_interval should reply, e.g. {'ok': ...}"
    assert command("pulse_status", worker).get("interval") == pytest.approx(0.5)
    assert float(pulse(worker).get("interval", "nan")) == pytest.approx(0.5), "write the new interval to the hash too"
    before, started = beats(worker), time.monotonic()
    time.sleep(1.6)
    counted = beats(worker) - before
    elapsed = time.monotonic() - started
    assert 0.5 * elapsed / 0.5 <= counted <= 1.5 * elapsed / 0.5 + 1, f"{counted} beats in {elapsed:.1f} s at an interval of 0.5 s"


def test_the_step_stops_cleanly_with_the_worker(worker):
    app.control.shutdown(destination=[worker])
    stopped = wait_until(lambda: pulse(worker).get("status") == "stopped", timeout=8)
    assert stopped, "after a warm shutdown the hash should say status=stopped (write it in the step's stop())"
    after = beats(worker)
    time.sleep(0.6)
    assert beats(worker) == after, "the pulse kept beating after the worker stopped: cancel the timer entry in stop()"
