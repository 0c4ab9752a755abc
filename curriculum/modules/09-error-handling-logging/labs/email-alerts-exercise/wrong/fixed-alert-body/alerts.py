"""Wrong: the args line copied from the README example instead of the task's arguments"""
import os
import smtplib
from email.message import EmailMessage

SMTP_HOST = os.environ.get("ALERT_SMTP_HOST", "127.0.0.1")
SMTP_PORT = int(os.environ.get("ALERT_SMTP_PORT", "8025"))
ALERT_FROM = os.environ.get("ALERT_FROM", "celery@shop.example")
ALERT_TO = os.environ.get("ALERT_TO", "ops@shop.example")


def format_alert(task_name, task_id, exception, args, kwargs):
    subject = f"Task failed: {task_name}"
    body = "\n".join([
        f"task: {task_name}",
        f"id: {task_id}",
        f"error: {type(exception).__name__}: {exception}",
        "args: [1, 0]",
        f"kwargs: {kwargs!r}",
    ])
    return subject, body


def send_alert(subject, body):
    message = EmailMessage()
    message["From"] = ALERT_FROM
    message["To"] = ALERT_TO
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=5) as smtp:
        smtp.send_message(message)
