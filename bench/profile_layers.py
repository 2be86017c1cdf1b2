"""Where a request's time goes, layer by layer, in process (issue 18, point 1).

    .venv/bin/python bench/profile_layers.py [--runs 200] [--database-url URL] [--profile]
        [--only "home /,Today /vandaag/"] [--no-middleware]

Without --database-url it migrates a temporary SQLite database and loads the demo
data. Then, in this process with production settings (DEBUG off), it times each key
page through Django's test client (the whole stack: middleware, session, auth, view,
queries, templates, logging) and splits the time into

- queries: time spent inside the database driver (an execute wrapper),
- templates: time inside `Template.render` of the outermost template,
- the rest: middleware, session, auth, URL resolving, the view's own Python.

It also times `/healthz` with the middleware stack built up one entry at a time, so
each middleware's fixed cost shows, and the bare floor (a view answering "ok"
without middleware). `--profile` prints the 15 most expensive functions per page
(cProfile, own time). Figures are per request, the mean of `--runs` after a
warm-up; the machine is shared, so compare within one run.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def prepare_sqlite(tmp: str) -> str:
    url = f"sqlite:///{Path(tmp) / 'profile.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "true"}
    env.pop("PIJNRESET_TESTING", None)
    for cmd in (["migrate", "--no-input"], ["demo"]):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *cmd], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
    return url


class Timers:
    def __init__(self) -> None:
        self.queries = 0
        self.query_seconds = 0.0
        self.template_seconds = 0.0
        self.depth = 0

    def query(self, execute: Callable[..., Any], sql: str, params: Any, many: bool,
              context: Any) -> Any:  # fmt: skip
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.query_seconds += time.perf_counter() - began


@contextmanager
def timed_templates(timers: Timers) -> Iterator[None]:
    from django.template import base

    original = base.Template.render

    def render(self: Any, context: Any) -> Any:
        timers.depth += 1
        began = time.perf_counter()
        try:
            return original(self, context)
        finally:
            timers.depth -= 1
            if timers.depth == 0:
                timers.template_seconds += time.perf_counter() - began

    base.Template.render = render  # type: ignore[method-assign]
    try:
        yield
    finally:
        base.Template.render = original  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--cache-url", default="", help="e.g. redis://127.0.0.1:6379/5")
    parser.add_argument("--only", default="", help="page names, comma separated (as printed)")
    parser.add_argument("--no-middleware", action="store_true", help="skip the /healthz build-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pijnreset-profile-") as tmp:
        url = args.database_url or prepare_sqlite(tmp)
        os.environ.update(
            DATABASE_URL=url, DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="testserver", HTTPS="false", LOG_LEVEL="WARNING",
            EMAIL_URL="consolemail://", DJANGO_SETTINGS_MODULE="pijnreset.settings",
            STATIC_ROOT=str(Path(tmp) / "static"),
        )  # fmt: skip
        os.environ.pop("PIJNRESET_TESTING", None)
        if args.cache_url:
            os.environ["CACHE_URL"] = args.cache_url
        import django

        django.setup()
        profile_pages(args)


def repeat(call: Callable[[], Any], times: int) -> None:
    for _ in range(times):
        call()


def profile_pages(args: argparse.Namespace) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from accounts.models import User
    from api.actions import create_access_token
    from practices.models import Practice

    settings.STORAGES = {  # no collected manifest here; whitenoise's finder serves nothing
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    anna = User.objects.get(email="anna@demo.pijnreset.nl")
    patient = Client()
    patient.force_login(anna)
    token = create_access_token(user=anna, name="profile", now=timezone.now()).secret
    bearer = {"Authorization": f"Bearer {token}"}
    practice = Practice.objects.listed().filter(place__iexact="Utrecht").order_by("name").first()
    assert practice is not None, "the demo data has practices in Utrecht"
    practice_url = f"/praktijken/{practice.public_id}/"
    today = anna.local_date().isoformat()
    anonymous = Client()
    pages: list[tuple[str, Callable[[], Any]]] = [
        ("/healthz", lambda: anonymous.get("/healthz")),
        ("home /", lambda: anonymous.get("/")),
        ("help /hulp/", lambda: anonymous.get("/hulp/")),
        ("finder ?q=Utrecht", lambda: anonymous.get("/praktijken/?q=Utrecht")),
        ("practice page", lambda: anonymous.get(practice_url)),
        ("API practices?q=Utrecht", lambda: anonymous.get("/api/v1/practices?q=Utrecht")),
        ("API slots", lambda: anonymous.get(f"/api/v1/practices/{practice.public_id}/slots")),
        ("Today /vandaag/", lambda: patient.get("/vandaag/")),
        ("check-in page", lambda: patient.get(f"/dagboek/{today}/")),
        ("trends /inzicht/", lambda: patient.get("/inzicht/")),
        ("API GET checkins", lambda: anonymous.get("/api/v1/checkins", headers=bearer)),
        (
            "API PUT checkins",
            lambda: anonymous.put(
                f"/api/v1/checkins/{today}",
                '{"pain": 4, "fatigue": 5}',
                content_type="application/json",
                headers=bearer,
            ),
        ),
    ]
    say(f"{'page':<26} {'status':>6} {'ms':>7} {'queries':>7} {'q ms':>6} {'tpl ms':>6} "
        f"{'rest ms':>7}")  # fmt: skip
    wanted = {name.strip() for name in args.only.split(",") if name.strip()}
    for name, call in pages:
        if wanted and name not in wanted:
            continue
        answer = call()
        for _ in range(5):
            call()
        timers = Timers()
        with connection.execute_wrapper(timers.query), timed_templates(timers):
            began = time.perf_counter()
            for _ in range(args.runs):
                call()
            total = time.perf_counter() - began
        n = args.runs
        ms = total / n * 1e3
        q_ms, t_ms = timers.query_seconds / n * 1e3, timers.template_seconds / n * 1e3
        say(
            f"{name:<26} {answer.status_code:>6} {ms:7.2f} {timers.queries / n:7.1f} "
            f"{q_ms:6.2f} {t_ms:6.2f} {ms - q_ms - t_ms:7.2f}"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(repeat, call, 50)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(
                os.environ.get("PROFILE_SORT", "tottime")
            ).print_stats(int(os.environ.get("PROFILE_LINES", "20")))
            say(out.getvalue())

    if args.no_middleware:
        return
    say("\n/healthz with the middleware stack built up one at a time (ms per request):")
    stack = list(settings.MIDDLEWARE)
    previous = None
    for count in range(len(stack) + 1):
        with override_settings(MIDDLEWARE=stack[:count]):
            client = Client()
            client.force_login(anna) if count > 3 else None
            for _ in range(20):
                client.get("/healthz")
            began = time.perf_counter()
            for _ in range(args.runs):
                client.get("/healthz")
            ms = (time.perf_counter() - began) / args.runs * 1e3
        label = stack[count - 1].rsplit(".", 1)[-1] if count else "(no middleware)"
        step = f"  +{ms - previous:.3f}" if previous is not None else ""
        say(f"  {label:<36} {ms:7.3f}{step}")
        previous = ms
    say("  (from SessionMiddleware on, as Anna logged in)")


if __name__ == "__main__":
    main()
