"""Wrong on purpose: its own threads are daemon threads and on_stop does not wait for them, so
the task running at a warm shutdown dies with the process and never reports."""
import itertools
import queue
import threading

from celery.concurrency.base import BasePool, apply_target

_STOP = object()


class _Job:
    def __init__(self, call):
        self.call = call
        self.done = threading.Event()
        self.value = None

    def get(self, timeout=None):
        self.done.wait(timeout)
        return self.value

    def wait(self, timeout=None):
        self.done.wait(timeout)


class ExecutorPool(BasePool):
    body_can_be_buffer = True
    signal_safe = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.jobs = queue.Queue()
        self.threads = []

    def _serve(self):
        while True:
            job = self.jobs.get()
            if job is _STOP:
                return
            try:
                job.value = job.call()
            finally:
                job.done.set()

    def on_start(self):
        numbers = itertools.count()
        for _ in range(self.limit):
            thread = threading.Thread(target=self._serve, name=f"custompool-{next(numbers)}", daemon=True)
            thread.start()
            self.threads.append(thread)

    def on_stop(self):
        for _ in self.threads:
            self.jobs.put(_STOP)

    def on_terminate(self):
        for _ in self.threads:
            self.jobs.put(_STOP)

    def on_apply(self, target, args=None, kwargs=None, callback=None, accept_callback=None, **_):
        job = _Job(lambda: apply_target(target, args or (), kwargs or {}, callback, accept_callback))
        self.jobs.put(job)
        return job

    def _get_info(self):
        return {"implementation": "pools:ExecutorPool", "max-concurrency": self.limit,
                "threads": sum(t.is_alive() for t in self.threads)}
