"""Alternative solution: module 3, RabbitMQ lab (tasks): the settings module given as config_source."""
from celery import Celery

app = Celery("tasks", config_source="celeryconfig")


@app.task(name="tasks.add")
def add(x, y):
    return x + y


@app.task(name="tasks.mul")
def mul(x, y):
    return x * y
