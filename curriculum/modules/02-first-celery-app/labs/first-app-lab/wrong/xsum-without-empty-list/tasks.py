"""Wrong (the README's warning): xsum built with reduce and no start value fails on an empty list."""
from functools import reduce
from operator import add as plus

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


@app.task
def mul(x, y):
    return x * y


@app.task
def xsum(numbers):
    return reduce(plus, numbers)
