"""Reference solution: module 14, configuration validation exercise."""
import os

from celery import Celery
from celery.signals import worker_init

import validation

app = Celery("celeryapp")
app.config_from_object(os.environ.get("APP_CONFIG_MODULE", "celeryconfig"))


@worker_init.connect
def _validate(sender=None, **kwargs):
    # Exceptions raised in signal handlers are only logged: the worker starts anyway.
    validation.check_app(app)


@app.task
def ping():
    return "pong"
