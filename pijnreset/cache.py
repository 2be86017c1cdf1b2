"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's own backend (`django.core.cache.backends.redis`) builds a new `redis.Redis`
object for every cache operation; building one fills a table of ~170 response
callbacks, and a logged-in page makes several cache calls (session, day state,
rate limits), so that alone cost ~0.7 ms per request. A `redis.Redis` over a
connection pool holds no connection of its own (it takes one from the pool for each
command and gives it back), so one client per pool is safe to share between threads;
pipelines, which are not, are still made per call. Everything else (serializer,
pools, reads spread over replicas) is Django's.
"""

import threading
from typing import Any

import redis
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers: list[str], **options: Any) -> None:
        super().__init__(servers, **options)
        # By the id of the pool; each client holds its pool, so no id is ever reused.
        self._clients: dict[int, redis.Redis] = {}
        self._clients_lock = threading.Lock()

    def get_client(self, key: Any = None, *, write: bool = False) -> redis.Redis:
        # Django's choice of pool (writes to the first server, reads spread over the
        # others); django-stubs do not list its private helpers.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            with self._clients_lock:
                client = self._clients.setdefault(id(pool), redis.Redis(connection_pool=pool))
        return client


class RedisCache(DjangoRedisCache):
    """`CACHE_URL=redis://…` (settings.py): Django's RedisCache with shared clients."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
