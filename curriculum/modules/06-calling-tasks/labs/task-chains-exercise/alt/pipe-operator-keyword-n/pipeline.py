"""Alternative solution: the chain written with the | operator, n passed by keyword, signatures by name,
step results collected by walking .parent recursively, and reports_for with a group of chains."""
from celery import group

from tasks import app


def report_chain(doc_id, n=3, title=None):
    return (app.signature("tasks.fetch_text", args=(doc_id,))
            | app.signature("tasks.count_words")
            | app.signature("tasks.top_words", kwargs={"n": n})
            | app.signature("tasks.format_report", kwargs={"title": title if title else doc_id}))


def run_report(doc_id, n=3, title=None):
    return report_chain(doc_id, n=n, title=title).delay()


def step_results(result, timeout=10):
    earlier = step_results(result.parent, timeout) if result.parent is not None else []
    return earlier + [result.get(timeout=timeout)]


def reports_for(doc_ids, n=3, timeout=10):
    ids = list(doc_ids)
    results = group(report_chain(doc_id, n=n) for doc_id in ids).apply_async().get(timeout=timeout)
    return dict(zip(ids, results))
