"""Production settings: everything from settings.py, then what must differ in production.

Secrets and hosts come from the environment (the systemd units set them), never from this file:
    DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS (comma-separated), CELERY_BROKER_URL, CELERY_RESULT_BACKEND
"""
import os

from .settings import *  # noqa: F401,F403

# TODO 1: DEBUG off; SECRET_KEY and ALLOWED_HOSTS from the environment; HTTPS only (SSL redirect,
#         secure session and CSRF cookies, HSTS with subdomains and preload, a referrer policy):
#         `python3 manage.py check --deploy --fail-level WARNING` must report no issues.

# TODO 2: Celery in production: acknowledge late and requeue tasks whose worker was lost (so a task
#         interrupted by a deploy runs again), prefetch one task at a time, recycle child processes
#         (CELERY_WORKER_MAX_TASKS_PER_CHILD or CELERY_WORKER_MAX_MEMORY_PER_CHILD), send task events
#         for monitoring (CELERY_WORKER_SEND_TASK_EVENTS, CELERY_TASK_SEND_SENT_EVENT), and keep the
#         hard time limit of 300 s (CELERY_TASK_TIME_LIMIT).
