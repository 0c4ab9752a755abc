import tasks


def test_app_name():
    assert tasks.app.main == "tasks"


def test_app_has_configuration():
    assert tasks.app.conf is not None
