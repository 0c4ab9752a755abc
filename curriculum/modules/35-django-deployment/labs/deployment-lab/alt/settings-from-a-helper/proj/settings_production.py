"""Production settings: everything from settings.py, then what must differ in production.

Secrets and hosts come from the environment (the systemd units set them), never from this file:
    DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), CELERY_BROKER_URL, CELERY_RESULT_BACKEND
"""
import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F401,F403

DEBUG = False  # also in workers: with DEBUG on, Django keeps every SQL query in memory


def required(name):
    """A setting only the environment may hold."""
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment")
    return value


SECRET_KEY = required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = list(filter(None, map(str.strip, os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","))))

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
_CELERY = {
    "TASK_ACKS_LATE": True,
    "TASK_REJECT_ON_WORKER_LOST": True,
    "WORKER_PREFETCH_MULTIPLIER": 1,
    "WORKER_MAX_MEMORY_PER_CHILD": 250_000,  # KiB: recycle a child that grew too much
    "WORKER_SEND_TASK_EVENTS": True,
    "TASK_SEND_SENT_EVENT": True,
    "TASK_TIME_LIMIT": 300,
    "TASK_IGNORE_RESULT": True,
}
globals().update({"CELERY_" + name: value for name, value in _CELERY.items()})
