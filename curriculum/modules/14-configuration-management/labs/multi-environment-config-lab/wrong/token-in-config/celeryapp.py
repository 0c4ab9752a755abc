"""Reference solution: module 14, multi-environment configuration lab."""
import os

from celery import Celery
from celery.exceptions import ImproperlyConfigured

ENVIRONMENTS = ("development", "testing", "production")


def make_app(env=None):
    """Returns a new Celery app named "celeryapp", configured for `env` (default: $APP_ENV, else development)."""
    env = env or os.environ.get("APP_ENV") or "development"
    if env not in ENVIRONMENTS:
        raise ValueError(f"unknown environment {env!r}: use one of {', '.join(ENVIRONMENTS)}")
    app = Celery("celeryapp")
    app.config_from_object(f"config:{env.capitalize()}Config")
    return app


app = make_app()


@app.task
def environment():
    """Which environment the worker runs in."""
    return app.conf.app_env
