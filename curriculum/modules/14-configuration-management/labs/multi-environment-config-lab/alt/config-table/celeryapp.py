"""Alternative solution: module 14, multi-environment lab: the configuration objects looked up in a table,
the production token added with conf.update."""
from os import getenv

from celery import Celery
from celery.exceptions import ImproperlyConfigured

import config

CLASSES = {"development": config.DevelopmentConfig, "testing": config.TestingConfig, "production": config.ProductionConfig}


def make_app(env=None):
    chosen = env or getenv("APP_ENV", "") or "development"
    try:
        settings = CLASSES[chosen]
    except KeyError:
        raise ValueError(f"APP_ENV={chosen!r} is not one of {sorted(CLASSES)}") from None
    celery_app = Celery("celeryapp")
    celery_app.config_from_object(settings)
    if chosen == "production":
        secret = getenv("REPORTS_API_TOKEN", "")
        if not secret:
            raise ImproperlyConfigured("REPORTS_API_TOKEN is not set: production cannot start without it")
        celery_app.conf.update(reports_api_token=secret)
    return celery_app


app = make_app()


@app.task(name="celeryapp.environment")
def environment():
    return app.conf["app_env"]
