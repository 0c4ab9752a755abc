"""Wrong on purpose: cleanup() is left out: expired results stay in the hash for ever"""
import time

import redis
from celery.backends.base import KeyValueStoreBackend

RESULTS = "backend-lab:results"  # hash: Celery's key -> encoded value
STORED = "backend-lab:stored"    # sorted set: Celery's key, scored with the time.time() it was stored


class HashBackend(KeyValueStoreBackend):
    def __init__(self, url=None, **kwargs):
        super().__init__(url=url, **kwargs)
        self.client = redis.Redis.from_url(url or "redis://localhost:6379/1")

    def get(self, key):
        return self.client.hget(RESULTS, key)

    def mget(self, keys):
        return self.client.hmget(RESULTS, list(keys)) if keys else []

    def set(self, key, value):
        with self.client.pipeline() as pipe:
            pipe.hset(RESULTS, key, value)
            pipe.zadd(STORED, {key: time.time()})
            pipe.execute()

    def delete(self, key):
        with self.client.pipeline() as pipe:
            pipe.hdel(RESULTS, key)
            pipe.zrem(STORED, key)
            pipe.execute()

    def cleanup(self):
        return
        expired = self.client.zrangebyscore(STORED, 0, time.time() - self.expires)
        if expired:
            with self.client.pipeline() as pipe:
                pipe.hdel(RESULTS, *expired)
                pipe.zrem(STORED, *expired)
                pipe.execute()
