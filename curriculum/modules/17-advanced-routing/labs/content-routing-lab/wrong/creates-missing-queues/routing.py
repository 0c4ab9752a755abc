"""Reference solution: module 17, content-based routing lab."""
from celery import Celery
from kombu import Exchange, Queue

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("routing")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

LARGE_MB = 100


def route_task(name, args, kwargs, options, task=None, **kw):
    """Celery's router interface: {"queue": ...} for process_upload, None for every other task."""
    if name != "routing.process_upload":
        return None
    upload = (kwargs or {}).get("upload") if not args else args[0]
    if not isinstance(upload, dict):
        return {"queue": "standard"}
    if upload.get("customer_tier") == "premium":
        return {"queue": "priority"}
    size = upload.get("size_mb")
    if upload.get("kind") == "video" or (isinstance(size, (int, float)) and size >= LARGE_MB):
        return {"queue": "bulk"}
    return {"queue": "standard"}


app.conf.update(
    task_queues=[Queue(name, Exchange(name), routing_key=name) for name in ("celery", "standard", "bulk", "priority")],
    task_routes=(route_task,),
)


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
