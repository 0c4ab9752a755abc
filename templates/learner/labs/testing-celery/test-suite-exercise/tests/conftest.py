"""Fixtures shared by the whole suite (module 10 exercise). See README.md in the lab folder."""
import os  # noqa: F401

import pytest

ORDER = {"id": "o-1", "sku": "MUG", "quantity": 3, "price": 4.333, "email": "ann@example.com"}


@pytest.fixture
def order():
    """A fresh copy of a valid order for every test: 3 x 4.333 = 12.999, charged as 13.0."""
    return dict(ORDER)


# TODO 1: a session-scoped fixture `embedded_worker` for the integration tests: the shop's own app
#   (tasks.app) on the in-memory broker (broker_url "memory://", result_backend "cache+memory://"),
#   with celery.contrib.testing.worker.start_worker(tasks.app, pool="solo",
#   perform_ping_check=False, queues=[...every queue the app routes to...]) as a context manager.
#   Careful: the environment variables CELERY_BROKER_URL and CELERY_RESULT_BACKEND win over
#   app.conf, and the grader sets them: take them out of os.environ while the worker runs, and
#   put them back afterwards.
