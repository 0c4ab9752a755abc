"""Wrong: explicit short task names ("add"), so nothing is registered as tasks.add."""
from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task(name="add")
def add(x, y):
    return x + y


@app.task(name="mul")
def mul(x, y):
    return x * y


@app.task(name="xsum")
def xsum(numbers):
    return sum(numbers)
