"""Tune for million-task throughput (module 37 lab). See README.md in this folder."""
from celery import Celery

# The broker and result backend come from the CELERY_BROKER_URL and CELERY_RESULT_BACKEND
# environment variables: the grader sets them, and so do you when you run it locally.
app = Celery("throughput")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # TODO 1: reserve at least 64 messages per process (worker_prefetch_multiplier)
    # TODO 2: store no results unless a task asks for it (task_ignore_result)
    # TODO 3: recycle prefork children after 1,000 tasks or more (worker_max_tasks_per_child)
)


@app.task
def noop(i=None):
    """The smallest possible unit of work: measures per-message overhead."""
    return None


# TODO 4: a task process_batch(items) that keeps its result (ignore_result=False) and returns
#         {"count": len(items), "checksum": sum of the squares of the items}
