"""Module 20 exercise, another way: an HTML parser, a socket timeout and a pipeline of SADDs."""
import json
import os
import socket
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import redis
from celery import Celery

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
MAX_DEPTH = 3
FETCH_TIMEOUT = 1.0

redis_client = redis.Redis.from_url(BROKER_URL, decode_responses=True)


class PageParser(HTMLParser):
    """Collects the <title> text and every <a href>."""

    def __init__(self):
        super().__init__()
        self.title_parts, self.hrefs, self._in_title = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title_parts.append(data)

    @property
    def title(self):
        text = "".join(self.title_parts).strip()
        return text or None


def download(url):
    """(status, html); the socket gives up after FETCH_TIMEOUT (socket.timeout is an OSError)."""
    try:
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as reply:
            return reply.status, reply.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as failure:
        return failure.code, ""


def site_of(url):
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


@app.task(bind=True, ignore_result=True)
def crawl(self, crawl_id, url, depth=0):
    page, _ = urldefrag(url)
    pages, seen = f"crawl:{crawl_id}:pages", f"crawl:{crawl_id}:seen"
    if depth == 0:
        redis_client.sadd(seen, page)
    try:
        status, body = download(page)
    except socket.timeout:
        redis_client.hset(pages, page, json.dumps({"depth": depth, "error": "timeout"}))
        return
    except OSError as problem:
        redis_client.hset(pages, page, json.dumps({"depth": depth, "error": repr(problem)}))
        return
    parser = PageParser()
    parser.feed(body)
    candidates = []
    if depth < MAX_DEPTH:
        for href in parser.hrefs:
            target = urldefrag(urljoin(page, href))[0]
            if urlsplit(target).scheme in ("http", "https") and site_of(target) == site_of(page) and target not in candidates:
                candidates.append(target)
    fresh = []
    if candidates:
        with redis_client.pipeline(transaction=False) as pipe:
            for target in candidates:
                pipe.sadd(seen, target)
            fresh = [target for target, added in zip(candidates, pipe.execute()) if added]
    redis_client.hset(pages, page, json.dumps({"depth": depth, "status": status, "title": parser.title}))
    for target in fresh:
        self.apply_async(args=(crawl_id, target, depth + 1))
