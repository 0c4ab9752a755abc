"""Tasks for the sync/async exercise (module 2). See README.md in this folder."""
import time

from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables (the grader sets them; export them yourself for local runs).
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


# TODO 1: a task slow_square(x) that sleeps half a second (time.sleep(0.5)), then returns x * x.

# TODO 2: a bound task whoami() (@app.task(bind=True)) that returns "caller" when it was called
#         directly, as a plain function (self.request.called_directly is True), and otherwise the
#         name of the worker that ran it (self.request.hostname, e.g. "learner@myhost").
