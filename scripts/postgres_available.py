"""Exit 0 when the test PostgreSQL server answers (DATABASE_URL or the local default)."""

import os
import sys

import psycopg

url = os.environ.get("PG_TEST_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
try:
    psycopg.connect(url, connect_timeout=3).close()
except psycopg.OperationalError as error:
    print(f"PostgreSQL not reachable at {url}: {error}", file=sys.stderr)
    sys.exit(1)
