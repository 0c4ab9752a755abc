"""White-box tests for module 6's chains exercise: pipeline.py builds and sends chains from the
caller's process, so these import it and run its chains on the lab's worker, still up. The chain
report_chain builds is judged by what it does when sent (any spelling of the same chain passes:
`top_words.s(n=n)`, `|` or chain()); document ids and n are drawn per run from COURSEBOT_SEED."""
import importlib
import os
import random
import time

import pytest
from celery import Signature

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)

DOC1 = "The cat sat on the mat. The cat slept."
COUNTS1 = {"the": 3, "cat": 2, "sat": 1, "on": 1, "mat": 1, "slept": 1}
TOPS = {"doc-1": ["the (3)", "cat (2)", "mat (1)"], "doc-2": ["be (2)", "to (2)", "is (1)"],
        "doc-3": ["chains (2)", "along (1)", "block (1)"]}


def report(title, doc_id, n):
    return f"{title}: " + ", ".join(TOPS[doc_id][:n])


@pytest.fixture(scope="module")
def pipeline():
    return importlib.import_module("pipeline")


def test_report_chain_builds_an_unsent_chain_of_the_four_steps(pipeline):
    doc_id, n, title = RNG.choice(sorted(TOPS)), RNG.randint(1, 3), f"T{RNG.randrange(1000)}"
    built = pipeline.report_chain(doc_id, n=n, title=title)
    assert isinstance(built, Signature), f"report_chain returned {built!r}, not a signature (do not send it here)"
    result = built.apply_async()
    assert result.get(timeout=10) == report(title, doc_id, n), f"report_chain({doc_id!r}, n={n}, title={title!r}) (seed {SEED})"
    names = []
    while result is not None:
        names.append(result.id)
        result = result.parent
    assert len(names) == 4, f"the chain ran {len(names)} steps; expected fetch_text, count_words, top_words, format_report"


def test_report_chain_defaults_the_title_to_the_doc_id_and_n_to_3(pipeline):
    doc_id = RNG.choice(sorted(TOPS))
    assert pipeline.report_chain(doc_id).apply_async().get(timeout=10) == report(doc_id, doc_id, 3)


def test_run_report_returns_the_last_step_at_once(pipeline):
    started = time.monotonic()
    doc_id, n = RNG.choice(sorted(TOPS)), RNG.randint(1, 3)
    result = pipeline.run_report(doc_id, n=n)
    assert time.monotonic() - started < 0.4, "run_report should send the chain and return, not wait for it"
    assert result.get(timeout=10) == report(doc_id, doc_id, n), f"run_report({doc_id!r}, n={n}) (seed {SEED})"


def test_step_results_lists_every_step_in_chain_order(pipeline):
    n, title = RNG.randint(1, 3), f"Cats {RNG.randrange(1000)}"
    result = pipeline.run_report("doc-1", n=n, title=title)
    top = [["the", 3], ["cat", 2], ["mat", 1]][:n]
    assert pipeline.step_results(result) == [DOC1, COUNTS1, top, report(title, "doc-1", n)], f"n={n} (seed {SEED})"


def test_reports_for_runs_the_chains_at_the_same_time(pipeline):
    started = time.monotonic()
    doc_ids, n = RNG.sample(sorted(TOPS), 3), RNG.randint(1, 3)
    reports = pipeline.reports_for(doc_ids, n=n)
    elapsed = time.monotonic() - started
    assert reports == {d: report(d, d, n) for d in doc_ids}, f"reports_for({doc_ids}, n={n}) (seed {SEED})"
    assert elapsed < 1.3, f"three chains took {elapsed:.2f} s; each fetch takes 0.5 s: send them all, then collect"


def test_a_failing_first_step_fails_the_chain(pipeline):
    result = pipeline.run_report("doc-404")
    with pytest.raises(Exception) as raised:
        result.get(timeout=10)
    assert type(raised.value).__name__ == "ValueError", f"got {type(raised.value).__name__}: {raised.value}"
