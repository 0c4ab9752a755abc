"""Hidden tests for module 35's deployment lab: during a rolling deploy the new workers still get
messages from the old release. Old-style messages are sent here exactly as release 1 sent them."""
from coursebot_lab import call, registered


def test_a_release_1_message_without_the_new_argument_still_runs():
    assert call("shop.tasks.send_receipt", 41, timeout=10) == "receipt for order 41 sent by email"


def test_the_old_task_name_still_runs_until_its_queue_drains():
    assert "shop.tasks.email_receipt" in registered()
    assert call("shop.tasks.email_receipt", 42, timeout=10) == "receipt for order 42 sent by email"


def test_the_new_argument_is_used_when_given():
    assert call("shop.tasks.send_receipt", 43, "sms", timeout=10) == "receipt for order 43 sent by sms"
