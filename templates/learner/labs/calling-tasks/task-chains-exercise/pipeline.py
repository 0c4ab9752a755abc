"""Chains of the text pipeline's tasks (module 6 exercise). See README.md in this folder."""
from celery import chain  # noqa: F401

import tasks  # noqa: F401  (tasks.fetch_text, tasks.count_words, ...)


def report_chain(doc_id, n=3, title=None):
    """Returns (without sending it) the chain fetch_text -> count_words -> top_words -> format_report
    for one document: top_words keeps `n` words, and format_report gets `title` (the document id
    when title is None) as a keyword argument."""
    # TODO 4: signatures (.s()) joined with |
    raise NotImplementedError


def run_report(doc_id, n=3, title=None):
    """Sends the report chain and returns its AsyncResult (the result of the last step) at once."""
    # TODO 5
    raise NotImplementedError


def step_results(result, timeout=10):
    """Given run_report's result, returns every step's result in chain order:
    [text, counts, top, report]. Each AsyncResult of a chain knows the one before it (.parent)."""
    # TODO 6
    raise NotImplementedError


def reports_for(doc_ids, n=3, timeout=10):
    """Returns {doc_id: report} for several documents, their chains running at the same time:
    send every chain first, then collect the reports."""
    # TODO 7
    raise NotImplementedError


if __name__ == "__main__":
    result = run_report("doc-1", n=2)
    print(result.get(timeout=10))
    for step in step_results(result):
        print("  ", step)
    print(reports_for(["doc-1", "doc-2", "doc-3"]))
