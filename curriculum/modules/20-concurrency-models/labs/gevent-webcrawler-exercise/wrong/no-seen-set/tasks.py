"""Reference solution: module 20 exercise, a gevent web crawler (Celery's examples/eventlet/webcrawler.py, ported)."""
import json
import os
import re
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit

import gevent
import redis
from celery import Celery, group

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
MAX_DEPTH = 3
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
    return f"crawl:{crawl_id}:pages"


def seen_key(crawl_id):
    return f"crawl:{crawl_id}:seen"


def fetch(url):
    """(status, body); raises on network errors."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def same_site(url, other):
    a, b = urlsplit(url), urlsplit(other)
    return b.scheme in ("http", "https") and (a.scheme, a.netloc) == (b.scheme, b.netloc)


@app.task(ignore_result=True)
def crawl(crawl_id, url, depth=0):
    url = urldefrag(url)[0]
    store = client()
    if depth == 0:
        store.sadd(seen_key(crawl_id), url)

    outcome = None
    try:
        with gevent.Timeout(FETCH_TIMEOUT, False):  # False: leave the block quietly when time is up
            outcome = fetch(url)
    except OSError as exc:
        store.hset(pages_key(crawl_id), url, json.dumps({"depth": depth, "error": str(exc)}))
        return
    if outcome is None:
        store.hset(pages_key(crawl_id), url, json.dumps({"depth": depth, "error": "timeout"}))
        return

    status, body = outcome
    title = TITLE_RE.search(body)
    wanted = []
    if depth < MAX_DEPTH:
        for href in LINK_RE.findall(body):
            link = urldefrag(urljoin(url, href))[0]
            # SADD answers 1 only to the first caller: no page is fetched twice, whichever worker finds it.
            if same_site(url, link) and link != url:
                wanted.append(link)
    record = {"depth": depth, "status": status, "title": title.group(1).strip() if title else None, "links": len(wanted)}
    store.hset(pages_key(crawl_id), url, json.dumps(record))
    if wanted:
        group(crawl.s(crawl_id, link, depth + 1) for link in wanted).delay()
