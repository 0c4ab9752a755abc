"""Reference solution: module 14, configuration validation exercise."""
import os

from celery import Celery

import validation

app = Celery("celeryapp")
app.config_from_object(os.environ.get("APP_CONFIG_MODULE", "celeryconfig"))
validation.check_app(app)


@app.task
def ping():
    return "pong"
