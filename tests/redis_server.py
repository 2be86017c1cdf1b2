"""The Redis the tests use: whether it answers, and a database of this test process's own.

A serial run uses Redis database 15; under pytest-xdist each worker (gw0, gw1, ...)
counts down from there, so a `cache.clear()` (FLUSHDB) in one worker never empties
the keys another worker is counting on.
"""

import os
import socket

HOST, PORT = "127.0.0.1", 6379


def redis_answers() -> bool:
    try:
        socket.create_connection((HOST, PORT), timeout=1).close()
    except OSError:
        return False
    return True


def database_number(worker: str | None) -> int:
    """15 for a serial run (or worker gw0), 14 for gw1, and so on; never below 1."""
    number = int(worker.removeprefix("gw")) if worker else 0
    return max(15 - number, 1)


def redis_url() -> str:
    """The URL of this process's own Redis database."""
    return f"redis://{HOST}:{PORT}/{database_number(os.environ.get('PYTEST_XDIST_WORKER'))}"
