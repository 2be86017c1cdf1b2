"""The race runner of the concurrency tests: threads released at the same moment."""

import threading

from django.db import connection


def race(work, attempts):
    """Run `work(i)` in `attempts` threads released at the same moment; return the results.

    An exception is a result too (the test looks at it); each thread closes its own
    database connection, so the test database can be dropped afterwards.
    """
    barrier = threading.Barrier(attempts)
    results: list[object] = [None] * attempts

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 (the result we look at)
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
