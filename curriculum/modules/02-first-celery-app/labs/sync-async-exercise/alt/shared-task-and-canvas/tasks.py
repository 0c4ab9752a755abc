"""Alternative solution: tasks declared with @shared_task (bound to the app the worker loads), whoami
reading request.called_directly like the reference, written as one expression."""
from time import sleep

from celery import Celery, shared_task

app = Celery(main="tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


@shared_task
def add(a, b):
    return a + b


@shared_task
def slow_square(n):
    sleep(0.5)
    return n ** 2


@shared_task(bind=True)
def whoami(task):
    return "caller" if task.request.called_directly else task.request.hostname
