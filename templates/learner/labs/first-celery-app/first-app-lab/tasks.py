"""Your first Celery application (module 2 lab). See README.md in this folder."""
from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so does docker-compose.yml for local runs.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


# TODO 1: a task add(x, y) that returns x + y
# TODO 2: a task mul(x, y) that returns x * y
# TODO 3: a task xsum(numbers) that returns the sum of a list of numbers
