"""Wrong on purpose: one executor thread whatever the concurrency: tasks run one at a time"""
from concurrent.futures import ThreadPoolExecutor, wait

from celery.concurrency.base import BasePool, apply_target


class ApplyResult:
    """What on_apply returns: the worker may wait on it."""

    def __init__(self, future):
        self.future = future
        self.get = future.result

    def wait(self, timeout=None):
        wait([self.future], timeout)


class ExecutorPool(BasePool):
    """Runs each task on one of `limit` (the worker's -c) threads of an executor."""

    body_can_be_buffer = True
    signal_safe = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.executor = None

    def on_start(self):
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="custompool")

    def on_stop(self):
        # Warm shutdown: let the running tasks finish and report before the worker exits.
        if self.executor is not None:
            self.executor.shutdown(wait=True)

    def on_terminate(self):
        if self.executor is not None:
            self.executor.shutdown(wait=False)

    def on_apply(self, target, args=None, kwargs=None, callback=None, accept_callback=None, **_):
        # apply_target runs the task, reports acceptance (pid, time) and hands the return value
        # to callback, which stores the result and acknowledges as the worker decides.
        future = self.executor.submit(apply_target, target, args or (), kwargs or {}, callback, accept_callback)
        return ApplyResult(future)

    def _get_info(self):
        return {
            "implementation": "pools:ExecutorPool",
            "max-concurrency": self.limit,
            "threads": len(self.executor._threads) if self.executor else 0,
        }
