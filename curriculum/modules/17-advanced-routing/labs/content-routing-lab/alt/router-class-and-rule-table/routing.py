"""Alternative solution: module 17, content routing. The router is an object whose rules are a table
of (predicate, queue) pairs; queues are declared on the default direct exchange."""
from celery import Celery
from kombu import Queue

app = Celery("routing")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


def _number(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


class UploadRouter:
    """Routes routing.process_upload by its upload; any other task gets no opinion (None)."""

    rules = (
        (lambda up: up.get("customer_tier") == "premium", "priority"),
        (lambda up: up.get("kind") == "video", "bulk"),
        (lambda up: _number(up.get("size_mb")) >= 100, "bulk"),
    )

    def __call__(self, name, args, kwargs, options, task=None, **extra):
        if name != "routing.process_upload":
            return None
        found = list(args or ()) or [dict(kwargs or {}).get("upload")]
        upload = found[0] if isinstance(found[0], dict) else {}
        queue = next((queue for matches, queue in self.rules if matches(upload)), "standard")
        return {"queue": queue}


route_task = UploadRouter()

app.conf.task_queues = tuple(Queue(name) for name in ("celery", "standard", "bulk", "priority"))
app.conf.task_create_missing_queues = False
app.conf.task_routes = [route_task]


def where(task):
    return {"queue": task.request.delivery_info.get("routing_key"), "worker": task.request.hostname}


@app.task(bind=True)
def process_upload(self, upload):
    return dict(where(self), id=upload.get("id"))


@app.task(bind=True)
def health_check(self):
    return where(self)


@app.task
def ingest(upload, by_keyword=False, queue=None):
    options = {"queue": queue} if queue else {}
    if by_keyword:
        return process_upload.apply_async(kwargs={"upload": upload}, **options).id
    return process_upload.apply_async(args=[upload], **options).id


@app.task
def dispatch_health_check():
    return health_check.delay().id
