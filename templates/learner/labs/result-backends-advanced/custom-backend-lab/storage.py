"""A result backend that keeps every result in one Redis hash (module 27 lab). See README.md.

Celery calls the key/value methods below with keys such as b"celery-task-meta-<task id>" and
values that are already encoded (a JSON string here); you only store and fetch them.
"""
import time

import redis
from celery.backends.base import KeyValueStoreBackend

RESULTS = "backend-lab:results"  # hash: Celery's key -> encoded value
STORED = "backend-lab:stored"    # sorted set: Celery's key, scored with the time.time() it was stored


class HashBackend(KeyValueStoreBackend):
    def __init__(self, url=None, **kwargs):
        super().__init__(url=url, **kwargs)
        # url is the part after "storage:HashBackend+", e.g. redis://localhost:6379/1
        self.client = redis.Redis.from_url(url or "redis://localhost:6379/1")

    def get(self, key):
        # TODO 2: the value stored under key in the RESULTS hash, or None.
        raise NotImplementedError

    def mget(self, keys):
        # TODO 3: the values of several keys, in the same order (None where missing).
        raise NotImplementedError

    def set(self, key, value):
        # TODO 4: store value under key in RESULTS, and record in STORED when it was stored.
        raise NotImplementedError

    def delete(self, key):
        # TODO 5: remove key from RESULTS and from STORED.
        raise NotImplementedError

    def cleanup(self):
        """Run by the celery.backend_cleanup task (celery beat schedules it daily)."""
        # TODO 6: delete every result stored more than self.expires seconds ago (result_expires);
        # a hash field cannot expire by itself, which is why STORED keeps the times.
