"""E-mail alerts for failed tasks (module 9 exercise). See README.md in this folder.

Where alerts go comes from environment variables, with defaults that match the grader: it runs an
SMTP server on 127.0.0.1:8025 while it tests your worker.
"""
import os
import smtplib  # noqa: F401  (for TODO 2)
from email.message import EmailMessage  # noqa: F401  (for TODO 2)

SMTP_HOST = os.environ.get("ALERT_SMTP_HOST", "127.0.0.1")
SMTP_PORT = int(os.environ.get("ALERT_SMTP_PORT", "8025"))
ALERT_FROM = os.environ.get("ALERT_FROM", "celery@shop.example")
ALERT_TO = os.environ.get("ALERT_TO", "ops@shop.example")


def format_alert(task_name, task_id, exception, args, kwargs):
    """TODO 1: return (subject, body) for a failed task. The subject is "Task failed: <task_name>";
    the body has these five lines:

        task: tasks.divide
        id: 0b6f4e1c-...
        error: ZeroDivisionError: division by zero
        args: [1, 0]
        kwargs: {}

    (error is the exception's class name, a colon and the exception's message; args and kwargs are
    their repr())."""
    raise NotImplementedError


def send_alert(subject, body):
    """TODO 2: send a plain-text e-mail from ALERT_FROM to ALERT_TO through SMTP_HOST:SMTP_PORT.
    Build an EmailMessage, and open smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=5): without a
    timeout, a mail server that accepts the connection but never answers blocks the worker."""
    raise NotImplementedError
