"""Production settings: everything from settings.py, then what must differ in production.

Secrets and hosts come from the environment (the systemd units set them), never from this file:
    DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), CELERY_BROKER_URL, CELERY_RESULT_BACKEND
"""
import os

from .settings import *  # noqa: F401,F403

DEBUG = False  # also in workers: with DEBUG on, Django keeps every SQL query in memory
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if host.strip()]

# HTTPS only, behind a proxy that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Celery in production.

CELERY_TASK_REJECT_ON_WORKER_LOST = True     # ...even when its worker process was killed
CELERY_WORKER_PREFETCH_MULTIPLIER = 1        # no task waits behind a long one in a busy worker
CELERY_WORKER_MAX_TASKS_PER_CHILD = 1000     # recycle children that leak memory
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 300_000  # KiB
CELERY_WORKER_SEND_TASK_EVENTS = True        # for Flower and celery events
CELERY_TASK_SEND_SENT_EVENT = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_IGNORE_RESULT = True             # nobody reads results of these tasks
