"""Hidden tests for module 6's chains exercise, black-box: each step by name through the broker,
then a chain of them built here from signatures by name, as any other client could."""
from coursebot_lab import app, call, outcome, send

DOC1 = "The cat sat on the mat. The cat slept."


def test_fetch_text_returns_the_document():
    assert call("tasks.fetch_text", "doc-1") == DOC1


def test_fetch_text_of_an_unknown_document_fails():
    outcome(send("tasks.fetch_text", "doc-404")).expect_failure("ValueError")


def test_count_words_counts_lower_cased_words():
    assert call("tasks.count_words", "It's the end. THE end!") == {"it's": 1, "the": 2, "end": 2}


def test_top_words_sorts_by_count_then_word():
    counts = {"the": 3, "cat": 2, "mat": 1, "sat": 1, "on": 1}
    assert call("tasks.top_words", counts, 3) == [["the", 3], ["cat", 2], ["mat", 1]]
    assert call("tasks.top_words", counts) == [["the", 3], ["cat", 2], ["mat", 1]], "n defaults to 3"


def test_format_report_takes_the_title_as_a_keyword():
    line = call("tasks.format_report", [["the", 3], ["cat", 2]], kwargs={"title": "doc-1"})
    assert line == "doc-1: the (3), cat (2)"


def test_the_steps_compose_into_a_chain():
    pipeline = (
        app.signature("tasks.fetch_text", args=("doc-1",))
        | app.signature("tasks.count_words")
        | app.signature("tasks.top_words", args=(2,))
        | app.signature("tasks.format_report", kwargs={"title": "Cats"})
    )
    assert pipeline.apply_async().get(timeout=10) == "Cats: the (3), cat (2)"
