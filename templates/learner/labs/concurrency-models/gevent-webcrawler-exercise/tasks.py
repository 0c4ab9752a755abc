"""Module 20 exercise: a web crawler for the gevent pool. See README.md in this folder.

A port of Celery's examples/eventlet/webcrawler.py to gevent, with JSON messages instead of a
pickled Bloom filter: the set of URLs already scheduled lives in Redis, shared by every green
thread and every worker.
"""
import json
import os
import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit  # noqa: F401

import gevent  # noqa: F401
import redis
from celery import Celery, group  # noqa: F401

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
MAX_DEPTH = 3  # the start page has depth 0; pages at depth MAX_DEPTH are fetched but their links are not followed
FETCH_TIMEOUT = 1.0  # seconds
LINK_RE = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)

_client = None


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(BROKER_URL)
    return _client


def pages_key(crawl_id):
    """Hash: page URL (absolute, no #fragment) -> JSON record of that page."""
    return f"crawl:{crawl_id}:pages"


def seen_key(crawl_id):
    """Set: every URL already scheduled in this crawl."""
    return f"crawl:{crawl_id}:seen"


def fetch(url):
    """(status, body) of a GET; raises OSError when the site cannot be reached."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@app.task(ignore_result=True)
def crawl(crawl_id, url, depth=0):
    """Fetch `url`, record it, and crawl the links it has to the same site."""
    # TODO 1: give up on a fetch after FETCH_TIMEOUT seconds with `with gevent.Timeout(FETCH_TIMEOUT, False):`
    #         and record {"depth": depth, "error": "timeout"}; record {"depth", "error"} on OSError too.
    status, body = fetch(url)
    title = TITLE_RE.search(body)
    record = {"depth": depth, "status": status, "title": title.group(1).strip() if title else None}
    client().hset(pages_key(crawl_id), url, json.dumps(record))
    # TODO 2: normalise: drop the #fragment of `url` (urldefrag) before anything else; mark the start
    #         page (depth 0) as seen.
    # TODO 3: when depth < MAX_DEPTH, resolve each href in LINK_RE.findall(body) against url (urljoin),
    #         drop its fragment, keep it only if it has the same scheme and host:port as url, and only
    #         if SADD to seen_key(crawl_id) returns 1 (nobody scheduled it yet).
    # TODO 4: schedule the new links together: group(crawl.s(crawl_id, link, depth + 1) for link in wanted).delay()
