"""The steps of a small text pipeline (module 6 exercise). See README.md in this folder.

In a chain, each task receives the previous task's return value as its FIRST argument, so every
step after the first takes the data it works on first, then its own options.
"""
import re
import time

from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

DOCUMENTS = {
    "doc-1": "The cat sat on the mat. The cat slept.",
    "doc-2": "To be, or not to be: that is the question.",
    "doc-3": "Celery chains pass results along; chains do not block the caller.",
}


@app.task
def fetch_text(doc_id):
    """Returns the text of a document (from slow storage: it takes 0.5 s).
    Raises ValueError("unknown document <id>") for an id that is not in DOCUMENTS."""
    time.sleep(0.5)
    if doc_id not in DOCUMENTS:
        raise ValueError(f"unknown document {doc_id}")
    return DOCUMENTS[doc_id]


@app.task
def count_words(text):
    """Counts the words of a text, lower-cased: {"the": 3, "cat": 2, ...}.
    A word is a run of letters and apostrophes: re.findall(r"[a-z']+", text.lower())."""
    # TODO 1
    raise NotImplementedError


# TODO 2: a task top_words(counts, n=3) that returns the n most frequent words as [word, count]
#         pairs, most frequent first, ties in alphabetical order: [["the", 3], ["cat", 2], ["mat", 1]].

# TODO 3: a task format_report(top, title) that returns one line:
#         "<title>: the (3), cat (2), mat (1)"
