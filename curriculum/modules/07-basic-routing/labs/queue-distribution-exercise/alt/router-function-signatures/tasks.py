"""Alternative solution (tasks): routes from a router function on the task name's prefix, queues
declared from a list."""
from celery import Celery
from kombu import Queue

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

QUEUE_FOR_PREFIX = {"orders": "orders", "notify": "notifications", "analytics": "analytics"}
app.conf.task_queues = [Queue(name) for name in ("celery", *QUEUE_FOR_PREFIX.values(), "priority")]


def by_prefix(name, args, kwargs, options, task=None, **kw):
    queue = QUEUE_FOR_PREFIX.get(name.split(".", 1)[0])
    return {"queue": queue} if queue else None


app.conf.task_routes = (by_prefix,)


@app.task(name="orders.place")
def place_order(order_id):
    return "order %s placed" % order_id


@app.task(name="notify.sms")
def send_sms(phone, text):
    return "sms to %s: %s" % (phone, text)


@app.task(name="analytics.track")
def track(event):
    return "tracked " + event


@app.task(name="maintenance.cleanup")
def cleanup():
    return "clean"
