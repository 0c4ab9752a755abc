"""Wrong (the classic shortcut): "integration" tests run the chain eagerly in the test process instead of
through a worker, so nothing is ever serialized or routed."""
import pytest

ORDER = {"id": "o-1", "sku": "MUG", "quantity": 3, "price": 4.333, "email": "ann@example.com"}


@pytest.fixture
def order():
    return dict(ORDER)


@pytest.fixture
def embedded_worker():
    import tasks

    tasks.app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield None
    tasks.app.conf.update(task_always_eager=False, task_eager_propagates=False)
