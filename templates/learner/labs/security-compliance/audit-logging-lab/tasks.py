"""The payments app being audited (module 28 lab). The audit trail lives in audit.py: you should not
need to change this file (it never mentions auditing, and that is the point)."""
from celery import Celery

import audit  # noqa: F401  (connects the signal handlers)

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


@app.task
def divide(x, y):
    return x / y


@app.task
def charge(card_number, amount):
    """Charges a card; the card number must never be written to the audit log."""
    return f"charged {amount} to card ending {card_number[-4:]}"


@app.task
def approve(invoice_id):
    """Approves an invoice, then notifies its owner in a task of its own."""
    notify.delay(invoice_id)
    return f"approved {invoice_id}"


@app.task
def notify(invoice_id):
    return f"notified the owner of {invoice_id}"
