"""Alternative solution: module 14, configuration validation exercise (the app, validated as it loads)."""
from os import environ

from celery import Celery

from validation import check_app

app = Celery("celeryapp")
app.config_from_object(environ.get("APP_CONFIG_MODULE") or "celeryconfig")
check_app(app)


@app.task(name="celeryapp.ping")
def ping():
    return "pong"
