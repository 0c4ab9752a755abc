"""Wrong: count_words keeps the case, so "The" and "the" are two words.

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
    counts = {}
    for word in re.findall(r"[A-Za-z']+", text):
        counts[word] = counts.get(word, 0) + 1
    return counts


@app.task
def top_words(counts, n=3):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [[word, count] for word, count in ranked[:n]]


@app.task
def format_report(top, title):
    return f"{title}: " + ", ".join(f"{word} ({count})" for word, count in top)
