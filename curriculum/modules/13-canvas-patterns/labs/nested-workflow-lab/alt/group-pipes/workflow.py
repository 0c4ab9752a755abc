"""Alternative solution: module 13, nested workflow lab. The canvas is written with group(...) | task
(Celery turns a group chained into a task into a chord) and the | operator; no chord() call at all."""
from numbers import Real

from celery import Celery, group

app = Celery("workflow")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


def _usable(value):
    return isinstance(value, Real) and not isinstance(value, bool) and value >= 0


@app.task
def clean(numbers):
    return list(filter(_usable, numbers))


@app.task
def summarize(numbers):
    return {"total": sum(numbers), "count": len(numbers)}


@app.task
def merge(summaries, region):
    count = total = 0
    for summary in summaries:
        count += summary["count"]
        total += summary["total"]
    return {"region": region, "batches": len(summaries), "count": count, "total": total}


@app.task
def combine(region_reports):
    report = {"regions": {}, "count": 0, "total": 0}
    for part in region_reports:
        report["regions"][part["region"]] = part["total"]
        report["count"] += part["count"]
        report["total"] += part["total"]
    return report


@app.task
def publish(report, title):
    return {**report, "title": title}


def _region(name, batches):
    return group(clean.s(batch) | summarize.s() for batch in batches) | merge.s(region=name)


@app.task
def build_workflow(regions, title="Sales report"):
    everything = group(_region(name, batches) for name, batches in regions.items())
    return everything | combine.s() | publish.s(title)
