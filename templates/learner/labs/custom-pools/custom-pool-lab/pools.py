"""Develop a custom worker pool (module 38 lab). See README.md in this folder.

Read celery/concurrency/base.py (BasePool, apply_target) and celery/concurrency/thread.py first.
"""
from celery.concurrency.base import BasePool


class ExecutorPool(BasePool):
    """Runs each task on one of `self.limit` (the worker's -c) threads of an executor."""

    # TODO 2: on_start(): create a concurrent.futures.ThreadPoolExecutor with self.limit threads
    #         named custompool-N (thread_name_prefix="custompool").
    # TODO 3: on_apply(target, args=None, kwargs=None, callback=None, accept_callback=None, **_):
    #         submit apply_target(target, args, kwargs, callback, accept_callback) to the executor
    #         and return an object with get() and wait(timeout=None) for the future.
    # TODO 4: on_stop(): a warm shutdown lets running tasks finish and report first.
    # TODO 5: _get_info(): add "implementation": "pools:ExecutorPool" and "threads" (threads
    #         started so far) to what the worker reports in inspect().stats()["pool"].
