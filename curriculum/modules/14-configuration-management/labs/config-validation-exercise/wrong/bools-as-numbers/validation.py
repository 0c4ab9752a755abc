"""Reference solution: module 14, configuration validation exercise."""
import difflib
import inspect
from urllib.parse import urlparse

from celery.app.defaults import DEFAULTS
from celery.exceptions import ImproperlyConfigured

CUSTOM_SETTINGS = {"app_env"}  # our own settings, allowed besides Celery's
ENVIRONMENTS = ("development", "testing", "production")
BROKER_SCHEMES = ("redis", "rediss", "amqp", "amqps")
PICKLE = ("pickle", "application/x-python-serialize")


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


def _is_int(value):
    return isinstance(value, int)


def _is_number(value):
    return isinstance(value, (int, float))


def _scheme(url):
    return urlparse(url).scheme if isinstance(url, str) else ""


def validate_config(settings):
    """Returns the list of problems in `settings` (a dict of setting name -> value): [] when valid."""
    problems = []
    known = set(DEFAULTS) | CUSTOM_SETTINGS
    for key in settings:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            problems.append(f"{key}: unknown setting" + (f" (did you mean {close[0]}?)" if close else ""))

    env = settings.get("app_env")
    if env not in ENVIRONMENTS:
        problems.append(f"app_env: must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")

    broker = settings.get("broker_url")
    if not broker:
        problems.append("broker_url: required")
    elif _scheme(broker) not in BROKER_SCHEMES:
        problems.append(f"broker_url: scheme must be one of {', '.join(BROKER_SCHEMES)}, not {_scheme(broker)!r}")
    elif env == "production" and _scheme(broker) not in ("rediss", "amqps"):
        problems.append("broker_url: production must use TLS (rediss:// or amqps://)")
    if env == "production" and not settings.get("result_backend"):
        problems.append("result_backend: required in production")

    if "worker_concurrency" in settings:
        value = settings["worker_concurrency"]
        if not _is_int(value) or not 1 <= value <= 64:
            problems.append(f"worker_concurrency: must be a whole number from 1 to 64, not {value!r}")
    if "worker_prefetch_multiplier" in settings:
        value = settings["worker_prefetch_multiplier"]
        if not _is_int(value) or value < 1:
            problems.append(f"worker_prefetch_multiplier: must be a whole number of at least 1, not {value!r}")

    limits = {}
    for key in ("task_soft_time_limit", "task_time_limit"):
        value = settings.get(key)
        if value is None:
            continue
        if not _is_number(value) or value <= 0:
            problems.append(f"{key}: must be a positive number of seconds, not {value!r}")
        else:
            limits[key] = value
    if len(limits) == 2 and limits["task_soft_time_limit"] >= limits["task_time_limit"]:
        problems.append("task_soft_time_limit: must be less than task_time_limit")

    for key in ("accept_content", "result_accept_content"):
        if any(item in PICKLE for item in settings.get(key) or []):
            problems.append(f"{key}: must not accept pickle")
    for key in ("task_serializer", "result_serializer"):
        if settings.get(key) in PICKLE:
            problems.append(f"{key}: must not be pickle")
    return problems


def check_app(app):
    """Raises ImproperlyConfigured listing every problem (one per line) when the app's configuration is invalid."""
    problems = validate_config(loaded_settings(app))
    if problems:
        raise ImproperlyConfigured("invalid Celery configuration:\n  " + "\n  ".join(problems))
