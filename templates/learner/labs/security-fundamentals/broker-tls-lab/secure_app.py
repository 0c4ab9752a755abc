"""A Celery app that talks to Redis over TLS only (module 16 lab). See README.md in this folder.

Everything comes from the environment, so the same code runs on a laptop and in production:

    REDIS_HOST        default "localhost"
    REDIS_TLS_PORT    default 6380
    REDIS_PASSWORD    optional
    TLS_CA_CERTS      default certs/ca.pem       (the CA that signed the Redis server's certificate)
    TLS_CERTFILE      default certs/client.pem   (this client's certificate)
    TLS_KEYFILE       default certs/client.key   (this client's private key: never commit it)
"""
import os
import ssl  # noqa: F401  (you will need its verify modes)

from celery import Celery
from celery.exceptions import ImproperlyConfigured  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))


def tls_options():
    """TODO 1: return the dict Celery passes to the Redis client for TLS:
        ssl_cert_reqs (verify the server's certificate), ssl_ca_certs, ssl_certfile, ssl_keyfile,
    with the paths from the environment variables above (defaults under certs/ next to this file).
    Raise ImproperlyConfigured naming the path when one of the three files does not exist.
    """
    return {}


def make_app():
    """Returns the app "secure_app".

    TODO 2: broker on rediss://[:password@]host:port/0 and result backend on rediss://...:port/1,
            broker_use_ssl and redis_backend_use_ssl from tls_options(), and JSON only.
    """
    app = Celery("secure_app")
    app.conf.update(broker_url="redis://localhost:6379/0", result_backend="redis://localhost:6379/1")
    return app


app = make_app()


@app.task
def ping():
    return "pong"
