"""Wrong: answers the examples from a table instead of computing them."""
from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

KNOWN = {("add", 2, 3): 5, ("add", -4, 1): -3, ("mul", 6, 7): 42}


@app.task
def add(x, y):
    return KNOWN.get(("add", x, y), 0)


@app.task
def mul(x, y):
    return KNOWN.get(("mul", x, y), 0)


@app.task
def xsum(numbers):
    return {(1, 2, 3): 6, (1, 2, 3, 4): 10}.get(tuple(numbers), 0)
