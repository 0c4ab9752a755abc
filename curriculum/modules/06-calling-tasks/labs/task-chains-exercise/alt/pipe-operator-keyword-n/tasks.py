"""Alternative solution (the steps): collections.Counter and heapq, written differently from the reference."""
import heapq
import re
import time
from collections import Counter

from celery import Celery

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]

DOCUMENTS = {
    "doc-1": "The cat sat on the mat. The cat slept.",
    "doc-2": "To be, or not to be: that is the question.",
    "doc-3": "Celery chains pass results along; chains do not block the caller.",
}


@app.task
def fetch_text(doc_id):
    time.sleep(0.5)
    try:
        return DOCUMENTS[doc_id]
    except KeyError:
        raise ValueError(f"unknown document {doc_id}") from None


@app.task
def count_words(text):
    return dict(Counter(re.findall(r"[a-z']+", text.lower())))


@app.task
def top_words(counts, n=3):
    return [[word, count] for count, word in heapq.nsmallest(n, ((-c, w) for w, c in counts.items()))
            for count in [-count]]


@app.task
def format_report(top, title):
    return title + ": " + ", ".join("%s (%d)" % (word, count) for word, count in top)
