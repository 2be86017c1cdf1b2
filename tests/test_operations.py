import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # A clean production-like environment: no test-only switches leak in.
    dropped = ("DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    full_env = {k: v for k, v in os.environ.items() if k not in dropped}
    full_env.update(env)
    full_env["PIJNRESET_TESTING"] = "0"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down():
    script = (
        "import django, os; django.setup();"
        "from django.test import Client;"
        "r = Client(HTTP_HOST='127.0.0.1').get('/healthz');"
        "print(r.status_code, r.content.decode())"
    )
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="pijnreset.settings",
        DEBUG="true",
        # A real PostgreSQL URL on a port where nothing listens: the database is down.
        DATABASE_URL="postgres://postgres@127.0.0.1:9/nothing",
        LOG_LEVEL="CRITICAL",
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    status, body = out.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "unavailable"


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DEBUG": "false",
            "SECRET_KEY": "x7" * 40 + "-a-long-random-production-secret-for-the-deploy-check",
            "ALLOWED_HOSTS": "pijnreset.example.nl",
            "ADMIN_URL": "beheer-8d1f/",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env={"DEBUG": "false", "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_demo_is_idempotent_and_creates_every_role(settings, client):
    settings.DEBUG = True
    call_command("demo")
    call_command("demo")
    roles = set(User.objects.values_list("role", flat=True))
    assert roles == {"patient", "therapist", "practice_manager", "network_operator"}
    assert User.objects.count() == 5
    from pijnreset.management.commands.demo import DEMO_PASSWORD

    response = client.post(
        "/account/login/", {"login": "anna@demo.pijnreset.nl", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_demo_if_empty_leaves_an_existing_database_alone(settings, patient_anna):
    settings.DEBUG = True
    call_command("demo", "--if-empty")
    assert list(User.objects.values_list("email", flat=True)) == ["anna@example.nl"]


@pytest.mark.django_db
def test_admin_lives_at_the_configured_path_and_is_for_staff_only(
    client, settings, patient_anna, admin_olaf
):
    assert settings.ADMIN_URL != "admin/"
    assert client.get("/admin/").status_code == 404
    client.force_login(patient_anna)
    response = client.get(f"/{settings.ADMIN_URL}")
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(admin_olaf)
    assert client.get(f"/{settings.ADMIN_URL}accounts/user/").status_code == 200
    assert client.get(f"/{settings.ADMIN_URL}accounts/consent/").status_code == 200


def test_log_lines_are_json_and_hold_no_email_or_query(capsys):
    import logging

    from pijnreset.logging import ScrubPersonalData

    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/account/?email=anna@example.nl",),
        None,
    )
    ScrubPersonalData().filter(record)
    assert "anna@example.nl" not in record.getMessage()
