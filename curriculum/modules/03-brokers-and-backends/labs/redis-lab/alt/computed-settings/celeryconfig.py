"""Alternative solution: URLs built in one tuple assignment from os.getenv, durations computed, the
serializer settings written in a loop over globals() (Celery reads module-level names however set)."""
from datetime import timedelta
from os import getenv

REDIS = "redis://localhost:6379"
broker_url, result_backend = getenv("CELERY_BROKER_URL", f"{REDIS}/0"), getenv("CELERY_RESULT_BACKEND", f"{REDIS}/1")

broker_transport_options = dict(visibility_timeout=2 * 60 * 60)
result_expires = timedelta(hours=1)
task_track_started = 1 == 1

for _name in ("task_serializer", "result_serializer"):
    globals()[_name] = "json"
accept_content = ("json",)
