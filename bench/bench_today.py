"""Benchmark the Today page and `PUT /api/v1/checkins/{date}` under gunicorn on loopback.

    .venv/bin/python bench/bench_today.py [--seconds 10] [--concurrency 8] [--workers 2]

It prepares a temporary SQLite database with the demo data (or uses
--database-url, e.g. a PostgreSQL database it may migrate and fill), starts
gunicorn on a free loopback port with DEBUG off, logs Anna in (a session for
the Today page, a personal access token for the API), then for each target
runs `concurrency` keep-alive clients for `seconds` and prints requests per
second and latency percentiles. Everything it starts it stops; the whole run
is bounded (about 2 x seconds plus start-up).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"

PREPARE = """
import json
from django.test import Client
from django.utils import timezone
from accounts.models import User
from api.actions import create_access_token
anna = User.objects.get(email="anna@demo.pijnreset.nl")
client = Client()
client.force_login(anna)
token = create_access_token(user=anna, name="bench", now=timezone.now()).secret
print(json.dumps({"session": client.cookies["sessionid"].value, "token": token,
                  "today": anna.local_date().isoformat()}))
"""


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int | str, expected: int) -> None:
        with self.lock:
            if status == expected:
                self.latencies.append(seconds)
            else:
                self.errors[str(status)] = self.errors.get(str(status), 0) + 1


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def run(cmd: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)  # noqa: S603
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare(env: dict[str, str]) -> dict[str, str]:
    manage = [PYTHON, "manage.py"]
    say("Preparing the database (migrate, demo data)…")
    run([*manage, "migrate", "--no-input"], env)
    run([*manage, "demo"], {**env, "DEBUG": "true"})
    out = run([*manage, "shell", "-c", PREPARE], env)
    return json.loads(out.strip().splitlines()[-1])


def wait_for(port: int, server: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn stopped during start-up")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer in time")


def hammer(port: int, *, seconds: float, concurrency: int, request, expected: int) -> Result:  # type: ignore[no-untyped-def]
    result = Result()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < stop_at:
            method, path, body, headers = request()
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                result.add(time.perf_counter() - started, response.status, expected)
            except (OSError, http.client.HTTPException) as exc:
                result.add(time.perf_counter() - started, type(exc).__name__, expected)
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 15)
    return result


def report(name: str, result: Result, seconds: float) -> None:
    ok = sorted(result.latencies)
    if not ok:
        say(f"{name}: no successful requests; errors {result.errors}")
        return
    quantiles = statistics.quantiles(ok, n=100) if len(ok) > 1 else [ok[0]] * 99
    say(
        f"{name:<34} {len(ok) / seconds:8.1f} req/s   "
        f"p50 {quantiles[49] * 1000:7.1f} ms   p95 {quantiles[94] * 1000:7.1f} ms   "
        f"p99 {quantiles[98] * 1000:7.1f} ms   ({len(ok)} ok"
        + (f", errors {result.errors})" if result.errors else ")")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per target (default 10)")
    parser.add_argument("--concurrency", type=int, default=8, help="parallel clients (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    parser.add_argument(
        "--database-url", help="use this database instead of a temporary SQLite one"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pijnreset-bench-") as tmp:
        database = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "DEBUG": "false",
            # Test mode only for what a bench on loopback needs: no HTTPS redirect,
            # plain static files (no collectstatic) and a built-in secret key.
            "PIJNRESET_TESTING": "1",
            "LOG_LEVEL": "WARNING",
            "EMAIL_URL": "consolemail://",
        }
        logins = prepare(env)
        port = free_port()
        gunicorn = [
            str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "pijnreset.wsgi",
            "--bind", f"{HOST}:{port}", "--workers", str(args.workers),
            "--threads", str(args.threads), "--access-logfile", "/dev/null",
            "--log-level", "warning",
        ]  # fmt: skip
        server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)  # noqa: S603
        try:
            wait_for(port, server)
            where = "from --database-url" if args.database_url else "SQLite (temporary)"
            say(
                f"gunicorn on {HOST}:{port}: {args.workers} worker(s) x {args.threads} thread(s), "
                f"{args.concurrency} clients, {args.seconds:.0f} s per target, database {where}"
            )
            today_headers = {"Cookie": f"sessionid={logins['session']}"}
            put_headers = {
                "Authorization": f"Bearer {logins['token']}",
                "Content-Type": "application/json",
            }
            rng = random.Random(1)  # noqa: S311

            def today_page():  # type: ignore[no-untyped-def]
                return "GET", "/vandaag/", None, today_headers

            def put_check_in():  # type: ignore[no-untyped-def]
                body = json.dumps({"pain": rng.randint(0, 10), "mood": rng.randint(0, 10)})
                return "PUT", f"/api/v1/checkins/{logins['today']}", body, put_headers

            for name, request in (
                ("GET /vandaag/ (Today, logged in)", today_page),
                ("PUT /api/v1/checkins/{date}", put_check_in),
            ):
                hammer(port, seconds=1, concurrency=2, request=request, expected=200)  # warm up
                result = hammer(
                    port, seconds=args.seconds, concurrency=args.concurrency,
                    request=request, expected=200,
                )  # fmt: skip
                report(name, result, args.seconds)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
