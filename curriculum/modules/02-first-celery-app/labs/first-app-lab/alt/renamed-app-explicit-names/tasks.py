"""Alternative solution: the app class imported under another name, explicit full task names,
math.prod and reduce with a start value instead of the operators and sum()."""
import math
from functools import reduce
from operator import add as plus

from celery import Celery as CeleryApp

app = CeleryApp(main="tasks")
app.conf.task_serializer = "json"
app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


@app.task(name="tasks.add")
def add(first, second):
    return plus(first, second)


@app.task(name="tasks.mul")
def mul(first, second):
    return math.prod((first, second))


@app.task(name="tasks.xsum")
def xsum(values):
    return reduce(plus, values, 0)
