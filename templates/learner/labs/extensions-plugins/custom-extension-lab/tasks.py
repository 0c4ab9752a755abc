"""The app that loads your extension (module 25 lab). You should not need to change this file."""
from celery import Celery

import extension

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
extension.install(app)


@app.task
def add(x, y):
    return x + y
