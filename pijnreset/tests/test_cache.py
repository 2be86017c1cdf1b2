"""The Redis cache backend (pijnreset/cache.py), against a real Redis.

Against Redis when it answers; in CI (CI=true) always, so a missing Redis fails the run.
"""

import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from pijnreset.cache import RedisCache
from tests.redis_server import redis_answers, redis_url

ROOT = Path(__file__).resolve().parent.parent.parent


needs_redis = pytest.mark.skipif(
    os.environ.get("CI") != "true" and not redis_answers(), reason="Redis not reachable"
)


@pytest.fixture
def redis_cache():
    cache = RedisCache(
        redis_url(),
        {"KEY_PREFIX": f"pijnreset-test-{uuid.uuid4().hex}", "TIMEOUT": 60},
    )
    yield cache
    cache.close()


@needs_redis
def test_every_call_goes_through_one_client_per_pool(redis_cache):
    redis_cache.set("a", 1)
    first = redis_cache._cache.get_client(write=True)
    redis_cache.get("a")
    redis_cache.delete("a")
    assert redis_cache._cache.get_client() is first
    assert redis_cache._cache.get_client(write=True) is first


@needs_redis
def test_it_behaves_as_djangos_redis_cache(redis_cache):
    assert redis_cache.add("k", {"pain": 4}) is True
    assert redis_cache.add("k", "other") is False
    assert redis_cache.get("k") == {"pain": 4}
    assert redis_cache.get("missing", "default") == "default"
    redis_cache.set("n", 1)
    assert redis_cache.incr("n", 5) == 6
    assert redis_cache.has_key("n") and not redis_cache.has_key("missing")
    redis_cache.set_many({"x": "1", "y": [2]})
    assert redis_cache.get_many(["x", "y", "missing"]) == {"x": "1", "y": [2]}
    assert redis_cache.touch("x", 5) is True
    redis_cache.delete_many(["x", "y"])
    assert redis_cache.get_many(["x", "y"]) == {}
    assert redis_cache.delete("k") is True and redis_cache.get("k") is None
    redis_cache.set("gone", 1, timeout=0)
    assert redis_cache.get("gone") is None


@needs_redis
def test_threads_sharing_the_client_count_exactly(redis_cache):
    redis_cache.set("counter", 0)

    def bump() -> None:
        for _ in range(200):
            redis_cache.incr("counter")

    threads = [threading.Thread(target=bump) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert redis_cache.get("counter") == 1200


@pytest.mark.parametrize("cache_url", ["redis://127.0.0.1:6379/1", "rediscache://127.0.0.1:6379/1"])
def test_a_redis_cache_url_chooses_this_backend_and_sessions_in_the_cache(cache_url):
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, "
        "settings.SHARED_CACHE]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pijnreset.settings",
        "PIJNRESET_TESTING": "1",
        "CACHE_URL": cache_url,
    }
    env.pop("SESSION_ENGINE", None)
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == [
        "pijnreset.cache.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        True,
    ]
