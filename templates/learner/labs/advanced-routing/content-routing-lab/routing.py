"""Content-based routing for an upload service (module 17 lab). See README.md in this folder.

The tasks and the ingest task (the producer) are done. Your part: the queue topology and a router
that picks each upload's queue from its content.
"""
from celery import Celery
from kombu import Exchange, Queue  # noqa: F401  (for task_queues)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("routing")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

LARGE_MB = 100


def route_task(name, args, kwargs, options, task=None, **kw):
    """Celery's router interface: return {"queue": ...} for process_upload, None for every other task.

    TODO 1: the upload is args[0], or kwargs["upload"] when it was passed by keyword. Rules, first match wins:
        customer_tier == "premium"                    -> "priority"
        kind == "video" or size_mb >= LARGE_MB        -> "bulk"
        anything else (also an upload missing fields) -> "standard"
    """
    return None


# TODO 2: declare the queues (task_queues: celery, standard, bulk, priority), stop Celery from
#         creating undeclared queues on the fly (task_create_missing_queues), and install the
#         router (task_routes).


def where(task):
    """Where a task ran: the queue it was routed through and the worker that ran it."""
    return {"queue": task.request.delivery_info.get("routing_key"), "worker": task.request.hostname}


@app.task(bind=True)
def process_upload(self, upload):
    return dict(where(self), id=upload.get("id"))


@app.task(bind=True)
def health_check(self):
    return where(self)


@app.task
def ingest(upload, by_keyword=False, queue=None):
    """The producer: sends process_upload for `upload` (routed by your router, unless an explicit
    queue is given) and returns the new task's id."""
    options = {"queue": queue} if queue else {}
    if by_keyword:
        return process_upload.apply_async(kwargs={"upload": upload}, **options).id
    return process_upload.apply_async(args=[upload], **options).id


@app.task
def dispatch_health_check():
    """Sends a task your router must leave alone; returns its id."""
    return health_check.delay().id
