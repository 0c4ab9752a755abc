"""The project's Celery application. Start a worker with: celery -A proj worker"""
import os

from celery import Celery

# TODO 1: set DJANGO_SETTINGS_MODULE to "proj.settings" (os.environ.setdefault) before anything
#         reads the settings; create app = Celery("proj"); load its configuration from Django's
#         settings with the CELERY_ namespace (app.config_from_object(..., namespace="CELERY"));
#         and let it find the tasks.py module of every installed app (app.autodiscover_tasks()).
