"""Alternative correct backend (module 27): no pipelines, mget as one HMGET over a list, and cleanup
through ZRANGEBYSCORE then HDEL/ZREM in batches of 500."""
import time

import redis
from celery.backends.base import KeyValueStoreBackend

RESULTS = "backend-lab:results"
STORED = "backend-lab:stored"


class HashBackend(KeyValueStoreBackend):
    def __init__(self, url=None, **kwargs):
        super().__init__(url=url, **kwargs)
        self.redis = redis.Redis.from_url(url or "redis://localhost:6379/1")

    def get(self, key):
        return self.redis.hget(RESULTS, key)

    def mget(self, keys):
        keys = list(keys)
        return self.redis.hmget(RESULTS, keys) if keys else []

    def set(self, key, value):
        self.redis.hset(RESULTS, key, value)
        self.redis.zadd(STORED, {key: time.time()})

    def delete(self, key):
        self.redis.hdel(RESULTS, key)
        self.redis.zrem(STORED, key)

    def cleanup(self):
        if not self.expires:
            return
        old = self.redis.zrangebyscore(STORED, "-inf", time.time() - self.expires)
        for start in range(0, len(old), 500):
            batch = old[start:start + 500]
            self.redis.hdel(RESULTS, *batch)
            self.redis.zrem(STORED, *batch)
