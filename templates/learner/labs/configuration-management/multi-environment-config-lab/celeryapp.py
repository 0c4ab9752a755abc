"""The Celery app, configured for the environment named in APP_ENV (module 14 lab)."""
import os

from celery import Celery
from celery.exceptions import ImproperlyConfigured  # noqa: F401  (you will need it)

ENVIRONMENTS = ("development", "testing", "production")


def make_app(env=None):
    """Returns a new Celery app named "celeryapp", configured for `env` (default: $APP_ENV, else development).

    TODO 4: - refuse an unknown environment with ValueError
            - load the environment's class from config.py with app.config_from_object("config:...")
            - production: read REPORTS_API_TOKEN from the environment into the setting
              reports_api_token; raise ImproperlyConfigured when it is missing or empty
    """
    app = Celery("celeryapp")
    app.config_from_object("config:BaseConfig")
    return app


app = make_app()


@app.task
def environment():
    """Which environment the worker runs in."""
    return app.conf.app_env
