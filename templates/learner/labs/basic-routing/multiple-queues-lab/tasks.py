"""A media site's tasks, each kind in its own queue (module 7 lab). See README.md in this folder."""
from celery import Celery
from kombu import Exchange, Queue  # noqa: F401  (you need both for TODO 1)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

# TODO 1: declare one topic exchange named "tasks" and, in app.conf.task_queues, four queues
#         bound to it:  default  (binding key "task.#")
#                       emails   ("email.#")
#                       images   ("image.#")
#                       reports  ("report.#")
# TODO 2: make "default" the default queue, "tasks" the default exchange (type "topic") and
#         "task.default" the default routing key.
# TODO 3: in app.conf.task_routes, send
#         tasks.send_email   -> queue "emails",  routing key "email.send"
#         tasks.resize_image -> queue "images",  routing key "image.resize"
#         every task whose name starts with "reports." (one glob pattern) -> queue "reports",
#         routing key "report.build"
#         Every other task must end up in "default".


@app.task
def send_email(to, subject):
    return f"email to {to}: {subject}"


@app.task
def resize_image(name, width):
    return f"{name} resized to {width}px"


@app.task(name="reports.daily")
def daily_report():
    return "daily report"


@app.task(name="reports.weekly")
def weekly_report():
    return "weekly report"


@app.task
def ping():
    return "pong"
