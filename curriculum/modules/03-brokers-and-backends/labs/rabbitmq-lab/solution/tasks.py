"""Reference solution: module 3, RabbitMQ lab (tasks, unchanged from the starter)."""
from celery import Celery

app = Celery("tasks")
app.config_from_object("celeryconfig")


@app.task
def add(x, y):
    return x + y


@app.task
def mul(x, y):
    return x * y
