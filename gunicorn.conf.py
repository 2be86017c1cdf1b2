"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py pijnreset.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker restarts after this many requests, a guard against slow memory growth. Not
# much lower: a new worker spends ~1.1 s of CPU importing the project and loading its URLs,
# templates and catalogues, and at 2,000 the workers of a busy site restarted every few
# seconds (docs/performance.md: /healthz went from ~1,000 to ~3,400 requests a second).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access log to stdout without query strings or URL secrets (see logger_class).
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"status": %(s)s, "bytes": %(B)s, "ms": %(M)s}'
)
# Every value of the access log (path, request line, referrer) and every
# error line goes through pijnreset.logging.scrub: e-mailed link tokens and
# password-reset keys are written as <redacted>.
logger_class = "pijnreset.logging.GunicornLogger"
