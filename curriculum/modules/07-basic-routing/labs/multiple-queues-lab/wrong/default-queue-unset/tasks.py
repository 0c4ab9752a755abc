"""Wrong: task_default_queue left out: unrouted tasks go to the queue celery, which nothing consumes"""
from celery import Celery
from kombu import Exchange, Queue

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

tasks_exchange = Exchange("tasks", type="topic")
app.conf.task_queues = (
    Queue("default", tasks_exchange, routing_key="task.#"),
    Queue("emails", tasks_exchange, routing_key="email.#"),
    Queue("images", tasks_exchange, routing_key="image.#"),
    Queue("reports", tasks_exchange, routing_key="report.#"),
)
app.conf.task_default_exchange = "tasks"
app.conf.task_default_exchange_type = "topic"
app.conf.task_default_routing_key = "task.default"
app.conf.task_routes = {
    "tasks.send_email": {"queue": "emails", "routing_key": "email.send"},
    "tasks.resize_image": {"queue": "images", "routing_key": "image.resize"},
    "reports.*": {"queue": "reports", "routing_key": "report.build"},
}


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
