"""Hidden tests for module 6's chains exercise, black-box: each step by name through the broker,
then a chain of them built here from signatures by name, as any other client could. Besides the
README's examples, the steps get texts and counts drawn per run from COURSEBOT_SEED (reported in
failures); the expected values are computed here."""
import os
import random
import re

from coursebot_lab import app, call, outcome, send

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RNG = random.Random(SEED)
DOC1 = "The cat sat on the mat. The cat slept."
WORDS = ["celery", "chain", "it's", "broker", "queue", "worker", "don't", "task", "result", "beat"]


def counted(text):
    counts = {}
    for word in re.findall(r"[a-z']+", text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


def ranked(counts, n):
    return [[w, c] for w, c in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]]


def random_text():
    words = [RNG.choice(WORDS) for _ in range(RNG.randint(6, 20))]
    return " ".join(w.upper() if RNG.random() < 0.3 else w.capitalize() if RNG.random() < 0.3 else w for w in words) + \
        RNG.choice([".", "!", "?", "; ok."])


def test_fetch_text_returns_the_document():
    assert call("tasks.fetch_text", "doc-1") == DOC1


def test_fetch_text_of_an_unknown_document_fails():
    outcome(send("tasks.fetch_text", f"doc-{RNG.randint(404, 9999)}")).expect_failure("ValueError")


def test_count_words_counts_lower_cased_words():
    assert call("tasks.count_words", "It's the end. THE end!") == {"it's": 1, "the": 2, "end": 2}
    text = random_text()
    assert call("tasks.count_words", text) == counted(text), f"count_words({text!r}) (seed {SEED})"


def test_top_words_sorts_by_count_then_word():
    counts = {"the": 3, "cat": 2, "mat": 1, "sat": 1, "on": 1}
    assert call("tasks.top_words", counts, 3) == [["the", 3], ["cat", 2], ["mat", 1]]
    assert call("tasks.top_words", counts) == [["the", 3], ["cat", 2], ["mat", 1]], "n defaults to 3"
    counts = {w: RNG.randint(1, 4) for w in RNG.sample(WORDS, 8)}
    n = RNG.randint(1, 6)
    assert call("tasks.top_words", counts, n) == ranked(counts, n), f"top_words({counts}, {n}): by count, then word (seed {SEED})"


def test_format_report_takes_the_title_as_a_keyword():
    line = call("tasks.format_report", [["the", 3], ["cat", 2]], kwargs={"title": "doc-1"})
    assert line == "doc-1: the (3), cat (2)"
    top, title = [[w, RNG.randint(1, 99)] for w in RNG.sample(WORDS, 3)], f"t{RNG.randrange(1000)}"
    want = f"{title}: " + ", ".join(f"{w} ({c})" for w, c in top)
    assert call("tasks.format_report", top, kwargs={"title": title}) == want, f"seed {SEED}"


def test_the_steps_compose_into_a_chain():
    pipeline = (
        app.signature("tasks.fetch_text", args=("doc-1",))
        | app.signature("tasks.count_words")
        | app.signature("tasks.top_words", args=(2,))
        | app.signature("tasks.format_report", kwargs={"title": "Cats"})
    )
    assert outcome(pipeline.apply_async()).expect_success() == "Cats: the (3), cat (2)"
