"""Alternative solution: module 14, configuration validation exercise. Each rule is a small function in a
table; numbers are checked with numbers.Integral/Real, schemes with a regex, and messages read
"setting <name>: ..."."""
import inspect
import numbers
import re

from celery.app.defaults import DEFAULTS
from celery.exceptions import ImproperlyConfigured

CUSTOM_SETTINGS = {"app_env"}
ENVIRONMENTS = ("development", "testing", "production")
_SCHEME = re.compile(r"^(?P<scheme>[a-z0-9+]+)://")
_UNSAFE = {"pickle", "application/x-python-serialize"}


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


def _whole(value, low, high=None):
    ok = isinstance(value, numbers.Integral) and type(value) is not bool
    return ok and value >= low and (high is None or value <= high)


def _seconds(value):
    return isinstance(value, numbers.Real) and type(value) is not bool and value > 0


def _scheme(value):
    match = _SCHEME.match(value) if isinstance(value, str) else None
    return match["scheme"] if match else None


def _names(cfg):
    allowed = DEFAULTS.keys() | CUSTOM_SETTINGS
    yield from (f"setting {name}: Celery has no such setting" for name in cfg if name not in allowed)


def _environment(cfg):
    if cfg.get("app_env") not in ENVIRONMENTS:
        yield f"setting app_env: expected one of {ENVIRONMENTS}, got {cfg.get('app_env')!r}"


def _broker(cfg):
    scheme = _scheme(cfg.get("broker_url"))
    if "broker_url" not in cfg or not cfg["broker_url"]:
        yield "setting broker_url: missing"
    elif scheme not in {"redis", "rediss", "amqp", "amqps"}:
        yield f"setting broker_url: {scheme or 'no'} scheme is not a supported broker"
    elif cfg.get("app_env") == "production" and scheme not in {"rediss", "amqps"}:
        yield "setting broker_url: a production broker must be reached over TLS"


def _backend(cfg):
    if cfg.get("app_env") == "production" and not cfg.get("result_backend"):
        yield "setting result_backend: missing (production keeps results)"


def _workers(cfg):
    if "worker_concurrency" in cfg and not _whole(cfg["worker_concurrency"], 1, 64):
        yield "setting worker_concurrency: expected an integer within 1..64"
    if "worker_prefetch_multiplier" in cfg and not _whole(cfg["worker_prefetch_multiplier"], 1):
        yield "setting worker_prefetch_multiplier: expected an integer >= 1"


def _limits(cfg):
    soft, hard = cfg.get("task_soft_time_limit"), cfg.get("task_time_limit")
    bad = [name for name, value in (("task_soft_time_limit", soft), ("task_time_limit", hard))
           if value is not None and not _seconds(value)]
    yield from (f"setting {name}: expected a positive number of seconds" for name in bad)
    if not bad and soft is not None and hard is not None and soft >= hard:
        yield f"setting task_soft_time_limit: {soft} is not below the hard limit {hard}"


def _serialization(cfg):
    for name in ("accept_content", "result_accept_content"):
        if _UNSAFE.intersection(cfg.get(name) or ()):
            yield f"setting {name}: pickle is not accepted"
    for name in ("task_serializer", "result_serializer"):
        if cfg.get(name) in _UNSAFE:
            yield f"setting {name}: pickle is not allowed"


RULES = (_names, _environment, _broker, _backend, _workers, _limits, _serialization)


def validate_config(settings):
    return [problem for rule in RULES for problem in rule(settings)]


def check_app(app):
    found = validate_config(loaded_settings(app))
    if found:
        raise ImproperlyConfigured("\n".join(["the configuration is invalid:"] + found))
