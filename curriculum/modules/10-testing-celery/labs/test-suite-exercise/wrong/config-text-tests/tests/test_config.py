"""Wrong: reads the routes dict and the source text instead of asking the router (fails on an equivalent tasks.py)."""
import inspect

import tasks


def test_routes_in_the_settings():
    routes = tasks.app.conf.task_routes
    assert routes["tasks.charge_card"] == {"queue": "payments"}
    assert routes["tasks.send_receipt"] == {"queue": "emails"}
    assert "tasks.reserve_stock" not in routes


def test_acks_late_written_in_the_source():
    source = inspect.getsource(tasks)
    assert "task_acks_late=True" in source
    assert "worker_prefetch_multiplier=1" in source


def test_messages_are_json_only():
    assert tasks.app.conf.accept_content == ["json"]
