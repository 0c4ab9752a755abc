"""Reference solution: module 10, test suite exercise (shared fixtures)."""
import os

import pytest

ORDER = {"id": "o-1", "sku": "MUG", "quantity": 3, "price": 4.333, "email": "ann@example.com"}


@pytest.fixture
def order():
    return dict(ORDER)


@pytest.fixture(scope="session")
def embedded_worker():
    """The shop's own app, on the in-memory broker, with a worker thread consuming its three queues.

    CELERY_BROKER_URL and CELERY_RESULT_BACKEND win over app.conf (CI sets them), so they are taken
    out of the environment while the worker runs."""
    from celery.contrib.testing.worker import start_worker

    import tasks

    saved = {name: os.environ.pop(name, None) for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")}
    tasks.app.conf.update(broker_url="memory://", result_backend="cache+memory://",
                          broker_transport_options={"polling_interval": 0.05})
    try:
        with start_worker(tasks.app, pool="solo", perform_ping_check=False,
                          queues=["celery", "payments", "emails"]) as worker:
            yield worker
    finally:
        for name, value in saved.items():
            if value is not None:
                os.environ[name] = value
