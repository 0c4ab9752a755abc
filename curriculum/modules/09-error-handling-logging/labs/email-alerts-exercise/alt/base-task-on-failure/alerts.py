"""Alternative solution (alerts): MIMEText and sendmail instead of EmailMessage and send_message."""
import os
import smtplib
from email.mime.text import MIMEText

SMTP_HOST = os.getenv("ALERT_SMTP_HOST") or "127.0.0.1"
SMTP_PORT = int(os.getenv("ALERT_SMTP_PORT") or 8025)
ALERT_FROM = os.getenv("ALERT_FROM") or "celery@shop.example"
ALERT_TO = os.getenv("ALERT_TO") or "ops@shop.example"


def format_alert(task_name, task_id, exception, args, kwargs):
    lines = (
        ("task", task_name),
        ("id", task_id),
        ("error", "%s: %s" % (exception.__class__.__name__, exception)),
        ("args", repr(args)),
        ("kwargs", repr(kwargs)),
    )
    return "Task failed: " + task_name, "\n".join("%s: %s" % line for line in lines)


def send_alert(subject, body):
    mail = MIMEText(body, "plain", "utf-8")
    mail["Subject"], mail["From"], mail["To"] = subject, ALERT_FROM, ALERT_TO
    server = smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=3)
    try:
        server.sendmail(ALERT_FROM, [ALERT_TO], mail.as_string())
    finally:
        server.quit()
