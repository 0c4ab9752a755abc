"""A regional sales report built as one nested Celery workflow (module 13 lab). See README.md.

clean, summarize, merge and publish are done. Your part: the combine task and the canvas
(build_report) that wires all the steps together.
"""
from celery import Celery, chain, chord, group  # noqa: F401  (you will need some of these)

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
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
    """Chord body for the whole report: gets the list of every region's merge result.

    TODO 1: return {"regions": {region name: region total, ...},
                    "count": sum of the regions' counts,
                    "total": sum of the regions' totals}
    """
    raise NotImplementedError("combine the region reports")


@app.task
def publish(report, title):
    """Puts a title on the finished report."""
    return dict(report, title=title)


def build_report(regions, title):
    """Returns (does not run) the workflow for `regions`: {"north": [[12, 7], [3]], "south": [[5]]}.

    TODO 2: return a canvas three levels deep:
      level 3: for every batch, a chain: clean -> summarize
      level 2: for every region, a chord over its batches' chains, with body merge.s(region)
      level 1: a chord over the region chords, with body combine,
               then publish with `title` (chain it after the outer chord)
    """
    raise NotImplementedError("build the workflow")


@app.task
def build_workflow(regions, title="Sales report"):
    """Returns the workflow as data: a signature is a dict, so it travels as JSON."""
    return build_report(regions, title)
