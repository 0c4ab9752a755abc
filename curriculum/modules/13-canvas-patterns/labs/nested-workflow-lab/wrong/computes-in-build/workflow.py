"""Reference solution: module 13, nested workflow lab."""
from celery import Celery, chain, chord

app = Celery("workflow")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def clean(numbers):
    """Keeps the usable sales figures of one batch: numbers that are not negative (drops text, null, booleans)."""
    return [n for n in numbers if isinstance(n, (int, float)) and not isinstance(n, bool) and n >= 0]


@app.task
def summarize(numbers):
    """Summarizes one cleaned batch."""
    return {"count": len(numbers), "total": sum(numbers)}


@app.task
def merge(summaries, region):
    """Chord body for one region: gets the list of its batch summaries (and the region's name)."""
    return {
        "region": region,
        "batches": len(summaries),
        "count": sum(s["count"] for s in summaries),
        "total": sum(s["total"] for s in summaries),
    }


@app.task
def combine(region_reports):
    """Chord body for the whole report: gets the list of every region's merge result."""
    return {
        "regions": {r["region"]: r["total"] for r in region_reports},
        "count": sum(r["count"] for r in region_reports),
        "total": sum(r["total"] for r in region_reports),
    }


@app.task
def publish(report, title):
    """Puts a title on the finished report."""
    return dict(report, title=title)


def build_report(regions, title):
    """chain( chord( [chord([chain(clean, summarize) per batch], merge(region)) per region], combine ), publish(title) )."""
    per_region = [
        chord([chain(clean.s(batch), summarize.s()) for batch in batches], merge.s(region))
        for region, batches in regions.items()
    ]
    return chain(chord(per_region, combine.s()), publish.s(title))


@app.task
def build_workflow(regions, title="Sales report"):
    """Computes the report right here (the same steps, called as functions) and returns a one-step canvas."""
    reports = [merge([summarize(clean(batch)) for batch in batches], region) for region, batches in regions.items()]
    return publish.si(combine(reports), title)
