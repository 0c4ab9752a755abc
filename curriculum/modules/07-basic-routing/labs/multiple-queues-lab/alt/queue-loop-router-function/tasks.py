"""Alternative solution: queues declared in a loop with keyword arguments, routes given by a router
function instead of a dict, and the defaults set in one conf.update."""
from celery import Celery
from kombu import Exchange, Queue

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

EXCHANGE = Exchange(name="tasks", type="topic", durable=True)
PATTERNS = {"default": "task", "emails": "email", "images": "image", "reports": "report"}


def route_task(name, args, kwargs, options, task=None, **kw):
    if name == "tasks.send_email":
        return {"queue": "emails", "routing_key": "email.send"}
    if name == "tasks.resize_image":
        return {"queue": "images", "routing_key": "image.resize"}
    if name.startswith("reports."):
        return {"queue": "reports", "routing_key": "report.build"}
    return None


app.conf.update(
    task_queues=[Queue(name=queue, exchange=EXCHANGE, routing_key=f"{word}.#") for queue, word in PATTERNS.items()],
    task_default_queue="default",
    task_default_exchange="tasks",
    task_default_exchange_type="topic",
    task_default_routing_key="task.default",
    task_routes=(route_task,),
)


@app.task
def send_email(to, subject):
    return "email to %s: %s" % (to, subject)


@app.task
def resize_image(name, width):
    return "%s resized to %dpx" % (name, width)


@app.task(name="reports.daily")
def daily():
    return "daily report"


@app.task(name="reports.weekly")
def weekly():
    return "weekly report"


@app.task
def ping():
    return "pong"
