"""More than one machine (issue 18): the replica router, shared sessions in Redis."""

import json
import os
import subprocess
import sys
import uuid
from importlib import import_module
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session

from diary.models import CheckIn
from pijnreset.db_routing import ReplicaRouter, heavy_reads
from tests.redis_server import redis_answers, redis_url

ROOT = Path(__file__).resolve().parent.parent


def with_replica(settings) -> None:
    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_heavy_reads_go_to_the_replica_and_everything_else_to_the_primary(settings):
    with_replica(settings)
    assert CheckIn.objects.all().db == "default"
    with heavy_reads():
        assert CheckIn.objects.all().db == "replica"
        assert ReplicaRouter().db_for_write(CheckIn) == "default"
    assert CheckIn.objects.all().db == "default"


def test_without_a_replica_heavy_reads_stay_on_the_primary():
    with heavy_reads():
        assert CheckIn.objects.all().db == "default"


def test_nothing_is_migrated_on_the_replica():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "diary") is True
    assert router.allow_migrate("replica", "diary") is False


def test_a_replica_url_adds_the_alias_mirroring_the_primary_in_tests():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({k: [v['NAME'], v.get('TEST', {}).get('MIRROR')] "
        "for k, v in settings.DATABASES.items()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pijnreset.settings",
        "PIJNRESET_TESTING": "1",
        "DATABASE_URL": "postgres://postgres@10.0.0.1:5432/primary",
        "DATABASE_REPLICA_URL": "postgres://postgres@10.0.0.2:5432/primary",
    }
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == {"default": ["primary", None], "replica": ["primary", "default"]}


# Against Redis when it answers; in CI (CI=true) always, so a missing Redis fails the run.
needs_redis = pytest.mark.skipif(
    os.environ.get("CI") != "true" and not redis_answers(), reason="Redis not reachable"
)


@pytest.fixture
def redis_sessions(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "pijnreset.cache.RedisCache",
            "LOCATION": redis_url(),
            "KEY_PREFIX": f"pijnreset-test-{uuid.uuid4().hex}",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return import_module(settings.SESSION_ENGINE).SessionStore


@needs_redis
@pytest.mark.django_db
def test_a_session_is_read_from_redis_without_the_database(
    redis_sessions, django_assert_num_queries
):
    first = redis_sessions()
    first["patient"] = "anna"
    first.save()
    with django_assert_num_queries(0):
        assert redis_sessions(session_key=first.session_key)["patient"] == "anna"
    assert Session.objects.filter(session_key=first.session_key).exists()  # written through


@needs_redis
@pytest.mark.django_db
def test_a_session_ended_on_one_web_process_is_gone_on_every_other(redis_sessions):
    session = redis_sessions()
    session["patient"] = "anna"
    session.save()
    redis_sessions(session_key=session.session_key).flush()  # log-out, elsewhere
    assert "patient" not in redis_sessions(session_key=session.session_key)
