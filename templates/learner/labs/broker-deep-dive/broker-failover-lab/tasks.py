"""The app whose broker must survive a failover (module 26 lab). See README.md in this folder."""
from celery import Celery

app = Celery("tasks")
app.config_from_object("celeryconfig")


@app.task
def ping():
    return "pong"
