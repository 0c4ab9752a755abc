"""Hidden tests for module 13's nested workflow lab.

The learner's build_workflow task returns the canvas as JSON (a signature is a dict). The tests
read its shape, then run it on the learner's worker through the broker and check the report.
The regions, their batches and figures (with junk: negatives, text, null, booleans) are drawn from
COURSEBOT_SEED, so no precomputed report passes.
"""
import os
import random

import pytest

from coursebot_lab import app, call, registered

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)
JUNK = ["n/a", None, True, False, "12", -1, -7.5]


def figures():
    # Quarters are exact in binary floating point, so the totals do not depend on the order of the additions.
    values = [RANDOM.choice([RANDOM.randint(0, 60), RANDOM.randint(1, 160) / 4, RANDOM.randint(-30, -1)])
              for _ in range(RANDOM.randint(0, 4))]
    return values + RANDOM.sample(JUNK, RANDOM.randint(0, 2))


def regions(count):
    names = RANDOM.sample(["north", "south", "east", "west", "centre", "islands", "coast"], count)
    data = {name: [figures() for _ in range(RANDOM.randint(1, 3))] for name in names}
    # Every run holds each kind of junk the brief names at least once, wherever the draw put the rest.
    for junk in (True, RANDOM.randint(-30, -1), "n/a", None):
        batch = RANDOM.choice(RANDOM.choice(list(data.values())))
        batch.insert(RANDOM.randint(0, len(batch)), junk)
    return data


def expected_report(data, title):
    """What the brief's steps make of `data`: usable figures are numbers >= 0 (not booleans)."""
    kept = {region: [[n for n in batch if isinstance(n, (int, float)) and not isinstance(n, bool) and n >= 0]
                     for batch in batches] for region, batches in data.items()}
    return {"regions": {region: sum(map(sum, batches)) for region, batches in kept.items()},
            "count": sum(len(batch) for batches in kept.values() for batch in batches),
            "total": sum(sum(map(sum, batches)) for batches in kept.values()), "title": title}


REGIONS = regions(RANDOM.randint(2, 4))
TITLE = f"Q{RANDOM.randint(1, 4)} sales {RANDOM.randint(2000, 2099)}"
CANVAS = {"chain", "group", "chord"}


def children(sig):
    kind, kwargs = sig.get("subtask_type"), sig.get("kwargs") or {}
    if kind in ("chain", "group"):
        return list(kwargs.get("tasks") or [])
    if kind == "chord":
        return header(sig) + ([kwargs["body"]] if kwargs.get("body") else [])
    return []


def header(sig):
    members = (sig.get("kwargs") or {}).get("header") or []
    if isinstance(members, dict):
        members = children(members) if members.get("subtask_type") == "group" else [members]
    return list(members)


def depth(sig):
    if not isinstance(sig, dict) or sig.get("subtask_type") not in CANVAS:
        return 0
    return 1 + max((depth(c) for c in children(sig)), default=0)


def nodes(sig):
    yield sig
    for child in children(sig):
        yield from nodes(child)


def outer_chord(sig):
    return next((n for n in nodes(sig) if n.get("subtask_type") == "chord"), None)


def task_names(sig):
    """Task names of the plain tasks under sig, in order."""
    if sig.get("subtask_type") in CANVAS:
        return [name for child in children(sig) for name in task_names(child)]
    return [sig.get("task")]


@pytest.fixture(scope="module")
def canvas():
    sig = call("workflow.build_workflow", REGIONS, TITLE)
    assert isinstance(sig, dict) and sig.get("subtask_type") in CANVAS, (
        f"build_workflow should return a chain/chord signature, got {sig!r:.200}")
    return sig


def test_the_step_tasks_and_build_workflow_are_registered():
    names = {f"workflow.{n}" for n in ("clean", "summarize", "merge", "combine", "publish", "build_workflow")}
    assert names <= registered()


def test_combine_adds_up_the_region_reports():
    reports = [{"region": name, "batches": RANDOM.randint(1, 3), "count": RANDOM.randint(0, 9), "total": RANDOM.randint(0, 500)}
               for name in RANDOM.sample(["north", "south", "east", "west"], RANDOM.randint(1, 4))]
    expected = {"regions": {r["region"]: r["total"] for r in reports}, "count": sum(r["count"] for r in reports),
                "total": sum(r["total"] for r in reports)}
    assert call("workflow.combine", reports) == expected, f"combine({reports}) (seed {SEED})"


def test_the_workflow_nests_three_levels_deep(canvas):
    assert depth(canvas) >= 3, f"the canvas is {depth(canvas)} level(s) deep"


def test_the_outer_chord_has_one_chord_per_region(canvas):
    outer = outer_chord(canvas)
    assert outer is not None, "no chord in the workflow"
    regions = header(outer)
    assert len(regions) == len(REGIONS), f"the outer chord's header has {len(regions)} members, expected one per region"
    assert all(r.get("subtask_type") == "chord" for r in regions), "each member of the outer header should be a chord"


def test_each_region_chord_runs_clean_then_summarize_per_batch(canvas):
    for (region, batches), inner in zip(REGIONS.items(), header(outer_chord(canvas))):
        chains = header(inner)
        assert len(chains) == len(batches), f"region {region}: {len(chains)} header members for {len(batches)} batches"
        for batch, member in zip(batches, chains):
            assert task_names(member) == ["workflow.clean", "workflow.summarize"], (
                f"region {region}: header member runs {task_names(member)}")
            first = children(member)[0] if children(member) else member
            assert first.get("args") == [batch], f"region {region}: clean should get the batch {batch}, got {first.get('args')}"


def test_each_region_chord_merges_with_its_region_name(canvas):
    for region, inner in zip(REGIONS, header(outer_chord(canvas))):
        body = (inner.get("kwargs") or {}).get("body") or {}
        first = body if body.get("subtask_type") not in CANVAS else (children(body) or [{}])[0]
        assert first.get("task") == "workflow.merge", f"region {region}: the chord body is {first.get('task')}"
        assert region in (first.get("args") or []) or (first.get("kwargs") or {}).get("region") == region


def test_the_outer_chord_combines_then_publishes(canvas):
    body = (outer_chord(canvas).get("kwargs") or {}).get("body") or {}
    after = task_names(body)
    # Celery folds a step chained after a chord into the chord's body: combine, then publish.
    if after == ["workflow.combine"]:
        after += [n for n in task_names(canvas) if n == "workflow.publish"]
    assert after == ["workflow.combine", "workflow.publish"], f"after the region chords the workflow runs {after}"


def test_the_workflow_runs_to_the_titled_report(canvas):
    report = app.signature(canvas).apply_async().get(timeout=15)
    expected = expected_report(REGIONS, TITLE)
    assert report == expected, f"for {REGIONS} (seed {SEED}) expected {expected}, got {report}"


def test_a_report_with_one_region_and_one_batch():
    data = {RANDOM.choice(["west", "east"]): [[RANDOM.randint(0, 20), RANDOM.randint(0, 20)]]}
    title = f"{next(iter(data)).title()} only"
    sig = call("workflow.build_workflow", data, title)
    report = app.signature(sig).apply_async().get(timeout=15)
    assert report == expected_report(data, title), f"for {data}: {report} (seed {SEED})"
