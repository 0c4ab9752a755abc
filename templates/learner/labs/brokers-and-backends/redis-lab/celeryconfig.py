"""Celery settings for Redis as both broker and result backend (module 3 lab).

Celery reads every lower-case name in this module as a setting. See README.md for what to set.
"""
import os  # noqa: F401  (read the URLs from the environment)

# TODO 2: broker_url: the CELERY_BROKER_URL environment variable, or redis://localhost:6379/0 without it.
# TODO 3: result_backend: the CELERY_RESULT_BACKEND environment variable, or redis://localhost:6379/1.
# TODO 4: a visibility timeout of two hours (7200 s) in broker_transport_options.
# TODO 5: results expire after one hour (result_expires).
# TODO 6: JSON only: task_serializer, result_serializer and accept_content.
# TODO 7: report the STARTED state while a task runs (task_track_started).
