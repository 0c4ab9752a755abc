"""The workload you profile (module 29 lab). You should not need to change this file."""
import time

from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def work(item, sent_at):
    """One unit of the workload. sent_at is the time.time() at which the producer sent it."""
    started = time.time()
    sum(i * i for i in range(item % 200))
    return {"item": item, "sent": sent_at, "started": started, "finished": time.time()}
