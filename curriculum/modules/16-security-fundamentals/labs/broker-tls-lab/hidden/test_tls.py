"""Hidden white-box tests for module 16's broker TLS lab: what only the code can show.

The command checks in lab.yml grade the TLS behaviour against real TLS-only Redis servers. These tests
import secure_app (as the learner user) for the rest: make_app() reads the environment when it is called,
refuses to build an app when a certificate file is missing (naming it), and accepts JSON only.
"""
import os
import random
import tempfile
from urllib.parse import urlparse

import pytest
from celery.exceptions import ImproperlyConfigured

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)

FOLDER = tempfile.mkdtemp(prefix="tls-lab-")
FILES = {}
for variable, name in (("TLS_CA_CERTS", "ca.pem"), ("TLS_CERTFILE", "client.pem"), ("TLS_KEYFILE", "client.key")):
    FILES[variable] = os.path.join(FOLDER, name)
    with open(FILES[variable], "w") as file:
        file.write("not read by these tests\n")

# The grader's own broker variables would win over the app's URLs: this app must build its own.
for variable in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
    os.environ.pop(variable, None)
os.environ.update(REDIS_HOST="localhost", REDIS_TLS_PORT="6380", **FILES)
os.environ.pop("REDIS_PASSWORD", None)

import secure_app  # noqa: E402  (after the environment is set: the module builds its app on import)


def _accepted(names):
    return {name.split("/")[-1] for name in names or []}


def test_make_app_reads_the_environment_when_it_is_called(monkeypatch):
    host = f"redis-{RANDOM.randrange(10**6)}.internal"
    port = RANDOM.randrange(20000, 60000)
    password = f"pw{RANDOM.randrange(10**9)}"
    monkeypatch.setenv("REDIS_HOST", host)
    monkeypatch.setenv("REDIS_TLS_PORT", str(port))
    monkeypatch.setenv("REDIS_PASSWORD", password)
    conf = secure_app.make_app().conf
    for setting in ("broker_url", "result_backend"):
        url = urlparse(conf[setting])
        assert (url.scheme, url.hostname, url.port, url.password) == ("rediss", host, port, password), (
            f"{setting} after setting REDIS_HOST={host}, REDIS_TLS_PORT={port}, REDIS_PASSWORD (seed {SEED}): "
            f"{url.scheme}://{url.hostname}:{url.port}")


def test_a_missing_certificate_file_stops_the_app(monkeypatch):
    for variable in ("TLS_CA_CERTS", "TLS_CERTFILE", "TLS_KEYFILE"):
        missing = f"/nonexistent/{RANDOM.randrange(10**9)}/{variable.lower()}.pem"
        with monkeypatch.context() as patch:
            patch.setenv(variable, missing)
            with pytest.raises(ImproperlyConfigured, match=missing.replace(".", r"\.")):
                app = secure_app.make_app()
                app.conf.broker_use_ssl, app.conf.redis_backend_use_ssl  # lazily built settings count too


def test_only_json_is_accepted():
    conf = secure_app.make_app().conf
    assert _accepted(conf.accept_content) == {"json"}, f"accept_content is {conf.accept_content}"
    assert _accepted(conf.result_accept_content or conf.accept_content) == {"json"}, (
        f"result_accept_content is {conf.result_accept_content}")
