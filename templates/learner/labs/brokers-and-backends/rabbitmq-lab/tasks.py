"""Tasks for the RabbitMQ lab (module 3): the same tasks as before, now configured for RabbitMQ.
See README.md in this folder. You should not need to change this file."""
from celery import Celery

app = Celery("tasks")
app.config_from_object("celeryconfig")


@app.task
def add(x, y):
    return x + y


@app.task
def mul(x, y):
    return x * y
