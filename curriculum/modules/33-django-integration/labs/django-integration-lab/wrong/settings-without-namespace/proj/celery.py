"""The project's Celery application. Start a worker with: celery -A proj worker"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

app = Celery("proj")
# Every CELERY_* setting in settings.py configures Celery (CELERY_TASK_TIME_LIMIT -> task_time_limit).
app.config_from_object("django.conf:settings")
# Imports tasks.py from every installed app.
app.autodiscover_tasks()
