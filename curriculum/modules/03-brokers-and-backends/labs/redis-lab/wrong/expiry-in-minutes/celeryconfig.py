"""Reference solution: module 3, Redis lab (settings)."""
import os

broker_url = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
result_backend = os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/1")

# Messages not acknowledged within this time are delivered again: it must be longer than the
# longest countdown or ETA the application uses (90 minutes here).
broker_transport_options = {"visibility_timeout": 7200}

result_expires = 60  # minutes

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

task_track_started = True
