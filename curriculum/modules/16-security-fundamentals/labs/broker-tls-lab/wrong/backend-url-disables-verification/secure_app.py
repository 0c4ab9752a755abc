"""Reference solution: module 16, broker TLS lab."""
import os
import ssl

from celery import Celery
from celery.exceptions import ImproperlyConfigured

HERE = os.path.dirname(os.path.abspath(__file__))


def tls_options():
    """The TLS options for the Redis client: verify the server, present our certificate."""
    paths = {
        "ssl_ca_certs": os.environ.get("TLS_CA_CERTS") or os.path.join(HERE, "certs", "ca.pem"),
        "ssl_certfile": os.environ.get("TLS_CERTFILE") or os.path.join(HERE, "certs", "client.pem"),
        "ssl_keyfile": os.environ.get("TLS_KEYFILE") or os.path.join(HERE, "certs", "client.key"),
    }
    for option, path in paths.items():
        if not os.path.isfile(path):
            raise ImproperlyConfigured(f"{option}: {path} does not exist")
    return {"ssl_cert_reqs": ssl.CERT_REQUIRED, **paths}


def make_app():
    """Returns the app "secure_app", on Redis over TLS for both broker and results."""
    host = os.environ.get("REDIS_HOST") or "localhost"
    port = int(os.environ.get("REDIS_TLS_PORT") or 6380)
    password = os.environ.get("REDIS_PASSWORD")
    auth = f":{password}@" if password else ""
    options = tls_options()
    app = Celery("secure_app")
    app.conf.update(
        broker_url=f"rediss://{auth}{host}:{port}/0",
        result_backend=f"rediss://{auth}{host}:{port}/1?ssl_cert_reqs=none",
        broker_use_ssl=options,
        redis_backend_use_ssl=dict(options),
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
    )
    return app


app = make_app()


@app.task
def ping():
    return "pong"
