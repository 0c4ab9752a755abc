"""White-box tests for module 6's chains exercise: pipeline.py builds and sends chains from the
caller's process, so these import it and run its chains on the lab's worker, still up."""
import importlib
import time

import pytest
from celery.canvas import _chain

STEPS = ["tasks.fetch_text", "tasks.count_words", "tasks.top_words", "tasks.format_report"]
DOC1 = "The cat sat on the mat. The cat slept."
COUNTS1 = {"the": 3, "cat": 2, "sat": 1, "on": 1, "mat": 1, "slept": 1}


@pytest.fixture(scope="module")
def pipeline():
    return importlib.import_module("pipeline")


def test_report_chain_builds_the_four_steps_in_order(pipeline):
    built = pipeline.report_chain("doc-1", n=2, title="Cats")
    assert isinstance(built, _chain), f"report_chain returned {built!r}, not a chain (do not send it here)"
    assert [step.task for step in built.tasks] == STEPS
    first, _, top, report = built.tasks
    assert tuple(first.args) == ("doc-1",), "fetch_text.s(doc_id)"
    assert tuple(top.args) == (2,), "top_words.s(n): the counts come first, from the previous step"
    assert report.kwargs == {"title": "Cats"}, "format_report.s(title=...)"


def test_report_chain_defaults_the_title_to_the_doc_id(pipeline):
    built = pipeline.report_chain("doc-2")
    assert built.tasks[-1].kwargs == {"title": "doc-2"}
    assert tuple(built.tasks[2].args) == (3,)


def test_run_report_returns_the_last_step_at_once(pipeline):
    started = time.monotonic()
    result = pipeline.run_report("doc-1", n=2)
    assert time.monotonic() - started < 0.4, "run_report should send the chain and return, not wait for it"
    assert result.get(timeout=10) == "doc-1: the (3), cat (2)"


def test_step_results_lists_every_step_in_chain_order(pipeline):
    result = pipeline.run_report("doc-1", n=2, title="Cats")
    assert pipeline.step_results(result) == [DOC1, COUNTS1, [["the", 3], ["cat", 2]], "Cats: the (3), cat (2)"]


def test_reports_for_runs_the_chains_at_the_same_time(pipeline):
    started = time.monotonic()
    reports = pipeline.reports_for(["doc-1", "doc-2", "doc-3"], n=1)
    elapsed = time.monotonic() - started
    assert reports == {"doc-1": "doc-1: the (3)", "doc-2": "doc-2: be (2)", "doc-3": "doc-3: chains (2)"}
    assert elapsed < 1.3, f"three chains took {elapsed:.2f} s; each fetch takes 0.5 s: send them all, then collect"


def test_a_failing_first_step_fails_the_chain(pipeline):
    result = pipeline.run_report("doc-404")
    with pytest.raises(Exception) as raised:
        result.get(timeout=10)
    assert type(raised.value).__name__ == "ValueError", f"got {type(raised.value).__name__}: {raised.value}"
