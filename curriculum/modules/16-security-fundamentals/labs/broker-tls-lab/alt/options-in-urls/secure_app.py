"""Alternative solution: module 16, broker TLS lab.

The TLS settings travel in the rediss:// URLs' query (Celery's and kombu's documented form), with
ssl_cert_reqs spelled "required"; broker_use_ssl holds the same values. Never CERT_NONE here.
"""
import os
from pathlib import Path
from urllib.parse import quote, urlencode

import celery
from celery.exceptions import ImproperlyConfigured

CERTS = Path(__file__).resolve().parent / "certs"
DEFAULTS = {"TLS_CA_CERTS": "ca.pem", "TLS_CERTFILE": "client.pem", "TLS_KEYFILE": "client.key"}
OPTION = {"TLS_CA_CERTS": "ssl_ca_certs", "TLS_CERTFILE": "ssl_certfile", "TLS_KEYFILE": "ssl_keyfile"}


def _certificate_files():
    found = {}
    for variable, default in DEFAULTS.items():
        path = Path(os.environ.get(variable) or CERTS / default)
        if not path.is_file():
            raise ImproperlyConfigured(f"{variable} points to {path}, which is not a file")
        found[OPTION[variable]] = str(path)
    return found


def tls_options():
    return {"ssl_cert_reqs": "required", **_certificate_files()}


def _url(database, options):
    password = os.environ.get("REDIS_PASSWORD")
    credentials = f":{quote(password, safe='')}@" if password else ""
    host = os.environ.get("REDIS_HOST", "localhost")
    port = os.environ.get("REDIS_TLS_PORT", "6380")
    return f"rediss://{credentials}{host}:{port}/{database}?{urlencode(options)}"


def make_app():
    options = tls_options()
    secure = celery.Celery("secure_app")
    secure.conf.broker_url = _url(0, options)
    secure.conf.broker_use_ssl = options
    secure.conf.result_backend = _url(1, options)
    secure.conf.task_serializer = secure.conf.result_serializer = "json"
    secure.conf.accept_content = ["application/json"]
    secure.conf.result_accept_content = ["application/json"]
    return secure


app = make_app()


@app.task(name="secure_app.ping")
def ping():
    return "pong"
