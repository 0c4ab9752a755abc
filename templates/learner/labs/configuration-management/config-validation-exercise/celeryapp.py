"""The Celery app: loads the configuration module named in APP_CONFIG_MODULE (default celeryconfig)
and validates it before anything can start (module 14 exercise)."""
import os

from celery import Celery

import validation

app = Celery("celeryapp")
app.config_from_object(os.environ.get("APP_CONFIG_MODULE", "celeryconfig"))

# TODO 3: validate the loaded configuration here, at import time, with validation.check_app(app),
#         so `celery -A celeryapp worker` stops with the list of problems instead of starting.
#         (Exceptions raised in Celery signal handlers are only logged: they would not stop the worker.)


@app.task
def ping():
    return "pong"
