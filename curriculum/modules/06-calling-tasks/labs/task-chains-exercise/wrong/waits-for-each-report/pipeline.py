"""Wrong: reports_for sends one chain and waits for it before sending the next."""
from celery import chain

from tasks import count_words, fetch_text, format_report, top_words


def report_chain(doc_id, n=3, title=None):
    return chain(
        fetch_text.s(doc_id),
        count_words.s(),
        top_words.s(n),
        format_report.s(title=title or doc_id),
    )


def run_report(doc_id, n=3, title=None):
    return report_chain(doc_id, n, title).apply_async()


def step_results(result, timeout=10):
    steps = []
    while result is not None:
        steps.append(result)
        result = result.parent
    return [step.get(timeout=timeout) for step in reversed(steps)]


def reports_for(doc_ids, n=3, timeout=10):
    return {doc_id: run_report(doc_id, n).get(timeout=timeout) for doc_id in doc_ids}


if __name__ == "__main__":
    result = run_report("doc-1", n=2)
    print(result.get(timeout=10))
    for step in step_results(result):
        print("  ", step)
    print(reports_for(["doc-1", "doc-2", "doc-3"]))
