"""The project's Celery app (alternative): configured from the settings object itself, and told which
apps to search for tasks by a callable read when the worker loads."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

from django.conf import settings  # noqa: E402  (after the settings module is named)

app = Celery("proj")
app.config_from_object(settings, namespace="CELERY")
app.autodiscover_tasks(lambda: settings.INSTALLED_APPS)
