"""Helpers for hidden Celery lab tests (written next to them by the grader).

Hidden tests run as the grader's user, in their own process. They never import learner code: they
reach the learner's worker only through the broker, by task name, with the JSON serializer, so
nothing the learner's code produced is ever unpickled here.

Nothing the learner's worker stored is ever rebuilt as a class of its choosing either. Celery would
rebuild a stored failure by module and name, and a worker can store any `BaseException` subclass
(`KeyboardInterrupt`, `SystemExit`, pytest's own `Exit`): raised in a hidden test, those end the
whole test session. This module's backend turns every stored failure into data: a `TaskFailure`
(a plain `Exception` of the grader's, named after the reported type, carrying strings only). Use
`outcome()`/`run()` to read a task's end as data, and `Outcome.expect_failure()` to assert on it.
"""
import json
import os
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from celery import Celery
from celery.app.backends import by_url

MAX_TEXT = 2000


class TaskFailure(Exception):
    """A failure the learner's worker stored: its type name, module and message, as strings only.

    `result.get()` raises (and `result.result` holds) an instance of a subclass made by the grader
    and named after the stored type, so `type(error).__name__ == "ValueError"` still reads naturally,
    while `except ValueError` (a class of the grader's process) never matches it.
    """

    type_name = "TaskFailure"
    module = ""

    def __init__(self, message=""):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


_failure_classes = {}
_identifier = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")


def _text(value):
    if isinstance(value, (list, tuple)):
        value = " ".join(map(str, value)) if len(value) != 1 else str(value[0])
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "..."


def _failure_class(type_name, module):
    name = type_name.rsplit(".", 1)[-1] if isinstance(type_name, str) else ""
    name = name if _identifier.fullmatch(name) else "TaskFailure"
    module = _text(module)[:200]
    key = (name, module)
    if key not in _failure_classes:
        # Our class, with the learner's name as a label: never theirs, never a BaseException of theirs.
        _failure_classes[key] = type(name, (TaskFailure,), {"type_name": name, "module": module, "__module__": "worker"})
    return _failure_classes[key]


def _as_failure(stored):
    """What Celery's `exception_to_python` returns for this grader: data, never the stored class."""
    if not stored:
        return None
    if isinstance(stored, TaskFailure):
        return stored
    if not isinstance(stored, dict):
        return _failure_class("TaskFailure", "")(_text(stored))
    return _failure_class(stored.get("exc_type"), stored.get("exc_module"))(_text(stored.get("exc_message")))


class _GraderCelery(Celery):
    """A client whose result backend never rebuilds what a worker stored as an exception."""

    def _get_backend(self):
        backend, url = by_url(self.backend_cls or self.conf.result_backend, self.loader)
        safe = type("Grader" + backend.__name__, (backend,), {"exception_to_python": lambda self, exc: _as_failure(exc)})
        return safe(app=self, url=url)


app = _GraderCelery(
    "coursebot-grader",
    broker=os.environ["COURSEBOT_BROKER_URL"],
    backend=os.environ["COURSEBOT_BACKEND_URL"],
)
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_accept_content=["json"],
    task_remote_tracebacks=False,
)


@dataclass(frozen=True)
class Outcome:
    """How a task ended, as data: its state, its JSON result, or the failure's type name and message."""

    id: str
    state: str
    value: object = None
    error_type: str = None
    error_message: str = None

    @property
    def succeeded(self):
        return self.state == "SUCCESS"

    def expect_success(self):
        """The task's result; an assertion naming the failure when it did not succeed."""
        assert self.succeeded, f"the task ended {self.state}" + (f" with {self.error_type}: {self.error_message}" if self.error_type else "")
        return self.value

    def expect_failure(self, error_type=None, contains=None):
        """Asserts the task failed (with `error_type`, a name, and a message containing `contains`); returns self."""
        assert self.state == "FAILURE", f"the task should have failed, but ended {self.state} with {self.value!r}"
        if error_type is not None:
            assert self.error_type == error_type, f"expected the task to fail with {error_type}, got {self.error_type}: {self.error_message}"
        if contains is not None:
            assert contains in (self.error_message or ""), f"expected the error message to mention {contains!r}, got {self.error_message!r}"
        return self


def outcome(result, timeout=10):
    """Waits for `result` (an AsyncResult) to finish and returns its `Outcome`; raises nothing the worker stored."""
    result.get(timeout=timeout, propagate=False)
    value = result.result
    if isinstance(value, TaskFailure):
        return Outcome(result.id, result.state, None, value.type_name, value.message)
    return Outcome(result.id, result.state, value)


def run(name, *args, timeout=10, **options):
    """Sends task `name` and returns how it ended, as an `Outcome`."""
    return outcome(send(name, *args, **options), timeout=timeout)


def send(name, *args, **options):
    """Sends task `name` with positional `args`; `options` go to send_task (queue, countdown, kwargs, ...)."""
    return app.send_task(name, args=list(args), **options)


def call(name, *args, timeout=10, **options):
    """Sends task `name` and waits for its result; a failure raises a `TaskFailure` (data, never the worker's class)."""
    return send(name, *args, **options).get(timeout=timeout)


def serve(handle):
    """Serves JSON over HTTP on loopback, in this (the grader's) process, for the learner's worker to call.

    `handle(method, path, body)` gets the request's JSON body (None when empty or not JSON) and returns
    `(status, answer)`; answers go back as JSON. A hidden test that judges behaviour through a service it
    serves itself owns what it measures: the learner's code can call it, never write its records.
    Returns the server, with its address in `.url`; call `.shutdown()` when done.
    """

    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = None
            status, answer = handle(self.command, self.path, body)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    return server


def inspect(timeout=2.0):
    return app.control.inspect(timeout=timeout)


def registered():
    """Every task name the running workers have registered."""
    replies = inspect().registered() or {}
    return {name.split(" ")[0] for names in replies.values() for name in names}


def active_queues():
    """Queue names each worker consumes from: {worker: {queue, ...}}."""
    replies = inspect().active_queues() or {}
    return {worker: {queue["name"] for queue in queues} for worker, queues in replies.items()}


def stats():
    return inspect().stats() or {}


def wait_until(predicate, timeout=10.0, interval=0.1):
    """Polls `predicate` until it returns something truthy; returns it, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None
