"""Wrong: no routes: every call names its queue, so any other caller's tasks land in celery"""
from celery import Celery
from kombu import Queue

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

# Every queue the shop uses; "celery" is the default queue (task_default_queue).
app.conf.task_queues = (
    Queue("celery"),
    Queue("orders"),
    Queue("notifications"),
    Queue("analytics"),
    Queue("priority"),
)

# Routes? Every call in producer.py names its queue instead. (task_routes felt redundant.)


@app.task(name="orders.place")
def place_order(order_id):
    return f"order {order_id} placed"


@app.task(name="notify.sms")
def send_sms(phone, text):
    return f"sms to {phone}: {text}"


@app.task(name="analytics.track")
def track(event):
    return f"tracked {event}"


@app.task(name="maintenance.cleanup")
def cleanup():
    return "clean"
