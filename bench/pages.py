"""`make bench`: every key page under gunicorn, as a share of bare Django measured beside it.

    .venv/bin/python bench/pages.py [--seconds 5] [--connections 20] [--scale N]
                                    [--databases sqlite,postgres] [--only NAME,...]

For each database (a temporary SQLite file, and PostgreSQL when it answers at
127.0.0.1:5432) it migrates a fresh database, loads the demo data (plus
`demo --scale N` patients when asked), collects the static files and starts
gunicorn with production settings (DEBUG off, the project's gunicorn.conf.py,
2 workers) on loopback. Beside it, served the same way, runs the floor: a bare
Django view answering "ok" without middleware (`bench/floor.py`). `wrk` loads
each page with 20 connections for a bounded number of seconds; the floor is
measured before and after the pages. The table gives req/s, p50/p95/p99 and the
ratio to the mean floor of the same run, with the targets of issue 18 beside
them (printed, never asserted). The figures are written to
`bench/results/<date>-<database>.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
HOST = "127.0.0.1"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "pijnreset_bench"

PREPARE = """
import json
from django.conf import settings
from django.test import Client
from django.utils import timezone
from accounts.models import User
from api.actions import create_access_token
from practices.models import Practice
NAME = settings.SESSION_COOKIE_NAME
anna = User.objects.get(email="anna@demo.pijnreset.nl")
client = Client()
client.force_login(anna)
eva = Client()
eva.force_login(User.objects.get(email="eva@demo.pijnreset.nl"))
token = create_access_token(user=anna, name="bench", now=timezone.now()).secret
practice = Practice.objects.listed().filter(place__iexact="Utrecht").order_by("name").first()
print(json.dumps({
    "cookie": f"{NAME}={client.cookies[NAME].value}",
    "token": token,
    "today": anna.local_date().isoformat(),
    "practice": str(practice.public_id),
    "therapist_cookie": (
        f"{NAME}={eva.cookies[NAME].value}"
    ),
}))
"""


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    auth: str = ""  # "", "session" or "token"
    method: str = "GET"
    body: str = ""
    target_ratio: float = 0.30
    patient: bool = False  # patient pages: p95 under 20 ms is the target


PAGES = (
    Page("/healthz", "/healthz", target_ratio=0.5),
    Page("home /", "/", target_ratio=0.5),
    Page("help /hulp/", "/hulp/", target_ratio=0.5),
    Page("finder /praktijken/?q=Utrecht", "/praktijken/?q=Utrecht"),
    Page("practice page", "/praktijken/{practice}/"),
    Page("API practices?q=Utrecht", "/api/v1/practices?q=Utrecht"),
    Page("API slots (7 days)", "/api/v1/practices/{practice}/slots"),
    Page("Today /vandaag/", "/vandaag/", auth="session", patient=True),
    Page("check-in page", "/dagboek/{today}/", auth="session", patient=True),
    Page("API GET checkins", "/api/v1/checkins", auth="token", patient=True),
    Page(
        "API PUT checkins/{date}",
        "/api/v1/checkins/{today}",
        auth="token",
        method="PUT",
        body='{"pain": 4, "fatigue": 5}',
        patient=True,
    ),
    # Pages of later issues: measured when they answer 200, listed as absent otherwise.
    Page("trends /inzicht/", "/inzicht/", auth="session", patient=True),
    Page("caseload /zorg/", "/zorg/", auth="therapist"),
)


@dataclass
class Figure:
    name: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    ratio: float = 0.0
    target_ratio: float = 0.0
    patient: bool = False


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def run(cmd: list[str], env: dict[str, str], timeout: float = 1800) -> str:
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return done.stdout


def fresh_postgres() -> str | None:
    """Drop and create the bench database; None when PostgreSQL does not answer."""
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_BENCH_DB}")
    except psycopg.OperationalError:
        return None
    return f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"


def prepare(env: dict[str, str], scale: int, *, fresh: bool = True) -> dict[str, str]:
    manage = [PYTHON, "manage.py"]
    if fresh:
        say("  migrate, demo data, static files…")
        run([*manage, "migrate", "--no-input"], env)
        run([*manage, "demo"], {**env, "DEBUG": "true"})
    else:
        say("  existing database (demo data and scale patients loaded before); static files…")
    if scale and fresh:
        say(f"  demo --scale {scale}…")
        run([*manage, "demo", "--scale", str(scale)], {**env, "DEBUG": "true"}, timeout=3600)
    run([*manage, "collectstatic", "--no-input"], env)
    out = run([*manage, "shell", "-c", PREPARE], env)
    return json.loads(out.strip().splitlines()[-1])


def start(app: str, port: int, env: dict[str, str], chdir: Path) -> subprocess.Popen[bytes]:
    cmd = [
        GUNICORN, "-c", str(ROOT / "gunicorn.conf.py"), app, "--chdir", str(chdir),
        "--bind", f"{HOST}:{port}", "--workers", "2",
        "--access-logfile", "/dev/null", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn for {app} stopped during start-up")
        if status(port, "GET", "/healthz", {}) == 200:
            return server
        time.sleep(0.2)
    server.kill()
    sys.exit(f"gunicorn for {app} did not answer in time")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def status(port: int, method: str, path: str, headers: dict[str, str], body: str = "") -> int:
    try:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        conn.request(method, path, body=body or None, headers=headers)
        answer = conn.getresponse()
        answer.read()
        conn.close()
        return answer.status
    except OSError:
        return 0


def wrk(port: int, path: str, *, seconds: int, connections: int, headers: dict[str, str],
        method: str = "GET", body: str = "") -> Figure:  # fmt: skip
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    cmd += ["-s", str(ROOT / "bench" / "wrk.lua")]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    cmd.append(f"http://{HOST}:{port}{path}")
    env = {**os.environ, "BENCH_METHOD": method, "BENCH_BODY": body}
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60).stdout  # noqa: S603
    line = next((x for x in out.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        sys.exit(f"wrk printed no figures:\n{out}")
    raw = json.loads(line.removeprefix("WRKJSON "))
    return Figure(
        name=path,
        rps=raw["requests"] / (raw["duration_us"] / 1e6),
        p50_ms=raw["p50_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        errors=raw["non_2xx_3xx"] + raw["socket_errors"],
    )


def headers_for(page: Page, logins: dict[str, str]) -> dict[str, str]:
    if page.auth == "session":
        return {"Cookie": logins["cookie"]}
    if page.auth == "token":
        return {"Authorization": f"Bearer {logins['token']}", "Content-Type": "application/json"}
    if page.auth == "therapist":
        return {"Cookie": logins.get("therapist_cookie", "")}
    return {}


# The benchmark's own Redis database, emptied at the start of each run: versions and kept
# values of an earlier run (another database, another day) must not answer for this one.
# Two benchmarks at once each need their own (BENCH_REDIS_URL).
BENCH_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")


def empty_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def redis_answers() -> bool:
    where = urlsplit(BENCH_REDIS)
    try:
        socket.create_connection((where.hostname, where.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


def measure(label: str, database_url: str, args: argparse.Namespace, *, fresh: bool = True
            ) -> dict[str, object]:  # fmt: skip
    say(f"\n== {label}")
    with tempfile.TemporaryDirectory(prefix="pijnreset-bench-") as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"PIJNRESET_TESTING", "CI"}},
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "HTTPS": "false",  # loopback has no TLS; everything else as in production
            "LOG_LEVEL": "WARNING",
            "EMAIL_URL": "consolemail://",
            "GUNICORN_WORKERS": "2",
            "STATIC_ROOT": str(Path(tmp) / "static"),
        }
        if args.cache == "redis" or (args.cache == "auto" and redis_answers()):
            # As deployed on more than one process (docs/deployment.md): the shared cache
            # holds sessions and Today's day state.
            env["CACHE_URL"] = BENCH_REDIS
            empty_redis(BENCH_REDIS)
        say(f"  cache: {env.get('CACHE_URL', 'per process (locmem); no day-state cache')}")
        logins = prepare(env, args.scale, fresh=fresh)
        app_port, floor_port = free_port(), free_port()
        app = start("pijnreset.wsgi", app_port, env, ROOT)
        floor = start("floor:application", floor_port, env, ROOT / "bench")
        try:
            figures = run_pages(app_port, floor_port, logins, args)
        finally:
            stop(app)
            stop(floor)
    return figures


def run_pages(app_port: int, floor_port: int, logins: dict[str, str], args: argparse.Namespace
              ) -> dict[str, object]:  # fmt: skip
    load = {"seconds": args.seconds, "connections": args.connections}
    wrk(floor_port, "/", seconds=1, connections=args.connections, headers={})  # warm-up
    floor_before = wrk(floor_port, "/", headers={}, **load)
    pages: list[Figure] = []
    absent: list[str] = []
    for page in PAGES:
        if args.only and page.name not in args.only:
            continue
        path = page.path.format(**logins)
        headers = headers_for(page, logins)
        answered = status(app_port, page.method, path, headers, page.body)
        if answered != 200:
            absent.append(f"{page.name} (answered {answered})")
            continue
        wrk(app_port, path, seconds=1, connections=4, headers=headers, method=page.method,
            body=page.body)  # fmt: skip
        figure = wrk(app_port, path, headers=headers, method=page.method, body=page.body, **load)
        figure.name, figure.target_ratio = page.name, page.target_ratio
        figure.patient = page.patient
        pages.append(figure)
    floor_after = wrk(floor_port, "/", headers={}, **load)
    floor = (floor_before.rps + floor_after.rps) / 2
    for figure in pages:
        figure.ratio = figure.rps / floor if floor else 0.0
    print_table(floor_before, floor_after, pages, absent)
    return {
        "floor_before": asdict(floor_before),
        "floor_after": asdict(floor_after),
        "pages": [asdict(p) for p in pages],
        "absent": absent,
    }


def print_table(before: Figure, after: Figure, pages: list[Figure], absent: list[str]) -> None:
    columns = ("req/s", "p50 ms", "p95 ms", "p99 ms")
    head = f"{'page':<32} " + " ".join(f"{c:>7}" for c in columns) + f" {'ratio':>6}  target"
    say(head)
    say("-" * len(head) + "-" * 14)
    floors = (("floor (bare Django), before", before), ("floor (bare Django), after", after))
    for label, f in floors:
        say(f"{label:<32} {f.rps:7.0f} {f.p50_ms:7.1f} {f.p95_ms:7.1f} {f.p99_ms:7.1f} {'1':>6}")
    for f in pages:
        verdict = "met" if f.ratio >= f.target_ratio else "below"
        target = f">= {f.target_ratio:.2f} {verdict}"
        if f.patient:
            target += f"; p95 < 20 ms {'met' if f.p95_ms < 20 else 'not met'}"
        errors = f"  ({f.errors} errors)" if f.errors else ""
        say(
            f"{f.name:<32} {f.rps:7.0f} {f.p50_ms:7.1f} {f.p95_ms:7.1f} {f.p99_ms:7.1f} "
            f"{f.ratio:6.3f}  {target}{errors}"
        )
    for name in absent:
        say(f"{name:<32} not measured")


def print_growth(results: dict[str, object], labels: list[str]) -> None:
    """p95 of the last database over the first, per page (target at most 1.3)."""
    first, last = labels[0], labels[-1]

    def p95s(label: str) -> dict[str, float]:
        pages = results[label]["pages"]  # type: ignore[index]
        return {p["name"]: p["p95_ms"] for p in pages}

    small, large = p95s(first), p95s(last)
    say(f"\n== p95({last}) / p95({first}) per page (target at most 1.3)")
    for name, p95 in large.items():
        if name in small and small[name]:
            ratio = p95 / small[name]
            verdict = "met" if ratio <= 1.3 else "not met"
            say(f"{name:<32} {small[name]:7.1f} ms {p95:7.1f} ms {ratio:6.2f}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="load per page (default 5)")
    parser.add_argument("--connections", type=int, default=20, help="wrk connections (20)")
    parser.add_argument("--scale", type=int, default=0, help="extra patients (demo --scale)")
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument(
        "--cache", choices=("auto", "redis", "none"), default="auto",
        help="redis (as deployed), none (per-process cache), auto: redis when it answers",
    )  # fmt: skip
    parser.add_argument(
        "--existing", action="append", default=[], metavar="LABEL=URL",
        help="measure a database filled before (e.g. 1k=postgres://.../pijnreset_perf1k) "
        "instead of fresh ones; given twice or more, prints p95(last)/p95(first) per page",
    )  # fmt: skip
    parser.add_argument("--only", type=lambda s: set(s.split(",")), default=set())
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run scripts/install_wrk.sh (make bench does)")
    started = time.monotonic()
    results: dict[str, object] = {}
    wanted = [] if args.existing else args.databases.split(",")
    for label, url in (item.split("=", 1) for item in args.existing):
        results[label] = measure(f"{label} (existing database)", url, args, fresh=False)
    if len(args.existing) >= 2:
        print_growth(results, [item.split("=", 1)[0] for item in args.existing])
    with tempfile.TemporaryDirectory(prefix="pijnreset-bench-db-") as tmp:
        if "sqlite" in wanted:
            results["sqlite"] = measure("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args)
    if "postgres" in wanted:
        url = fresh_postgres()
        if url is None:
            say("\n== PostgreSQL: not reachable at 127.0.0.1:5432, left out")
        else:
            results["postgres"] = measure("PostgreSQL", url, args)
    stamp = dt.datetime.now(dt.UTC)
    out = ROOT / "bench" / "results" / f"{stamp:%Y-%m-%d-%H%M}.json"
    out.parent.mkdir(exist_ok=True)
    meta = {"when": stamp.isoformat(), "seconds": args.seconds, "connections": args.connections,
            "scale": args.scale, "cpus": os.cpu_count()}  # fmt: skip
    out.write_text(json.dumps({"meta": meta, **results}, indent=2) + "\n")
    say(f"\nWritten {out.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
