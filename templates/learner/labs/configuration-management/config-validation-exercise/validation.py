"""Configuration validation (module 14 exercise). See README.md for the rules."""
import inspect

from celery.app.defaults import DEFAULTS  # noqa: F401  (every setting Celery knows, lower-case names)
from celery.exceptions import ImproperlyConfigured  # noqa: F401

CUSTOM_SETTINGS = {"app_env"}  # our own settings, allowed besides Celery's
ENVIRONMENTS = ("development", "testing", "production")


def loaded_settings(app):
    """The settings the app's configuration sets (not Celery's defaults), as a plain dict, with the
    broker and backend URLs Celery will really use (CELERY_BROKER_URL / CELERY_RESULT_BACKEND win)."""
    settings = {
        key: value
        for key, value in app.conf.table(with_defaults=False, censored=False).items()
        if key != "deprecated_settings" and not inspect.ismodule(value) and not callable(value)
    }
    for key in ("broker_url", "result_backend"):
        value = getattr(app.conf, key)
        if value:
            settings[key] = value
    return settings


def validate_config(settings):
    """Returns the list of problems in `settings` (a dict of setting name -> value): [] when valid.

    Every message names the setting it is about. Report all problems, not just the first.
    TODO 1: the rules in README.md.
    """
    problems = []
    return problems


def check_app(app):
    """Raises ImproperlyConfigured listing every problem (one per line) when the app's configuration is invalid.

    TODO 2: validate loaded_settings(app).
    """
