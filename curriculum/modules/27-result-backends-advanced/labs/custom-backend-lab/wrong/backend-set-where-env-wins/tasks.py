"""Reference solution: module 27, custom result backend lab (the app)."""
import os

from celery import Celery, chord
from celery.result import AsyncResult

# The broker comes from CELERY_BROKER_URL; the grader (and docker-compose.yml) also set
# CELERY_RESULT_BACKEND to a plain Redis URL such as redis://localhost:6379/1.
REDIS_URL = os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/1")

# Celery reads a backend setting of the form "module:Class+url" as: use Class from module and hand
# it url. It also lets the CELERY_RESULT_BACKEND environment variable win over
# app.conf.result_backend, so the variable itself names the class (the prefix is added only once).
app_backend = "storage:HashBackend+" + REDIS_URL  # set on the app below, where the environment variable wins

app = Celery("tasks")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_backend=app_backend,
    result_expires=2,  # seconds: short, so you (and the grader) can watch HashBackend.cleanup() work
)


@app.task
def add(x, y):
    return x + y


@app.task
def fail():
    raise ValueError("this task always fails")


@app.task
def square(x):
    return x * x


@app.task
def total(numbers):
    return sum(numbers)


@app.task
def start_chord(numbers):
    """Starts chord(square(n) for n in numbers)(total) and returns the id of its result."""
    return chord([square.s(n) for n in numbers])(total.s()).id


@app.task
def lookup(task_id):
    """Reads another task's state and result through the backend."""
    result = AsyncResult(task_id, app=app)
    return {"state": result.state, "result": result.result if result.successful() else None}


@app.task
def forget(task_id):
    """Makes the backend forget another task's result."""
    AsyncResult(task_id, app=app).forget()
    return task_id
