"""Hidden tests, module 20 gevent web crawler exercise.

The tests serve a small site on 127.0.0.1:18020 (pages that answer after 0.5 s, a 404, a page that
answers after 3 s, a chain deeper than MAX_DEPTH, links to other sites), start one crawl by task name
on the learner's gevent worker, and watch what reaches the server and what the crawl records.
"""
import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis

from coursebot_lab import send, wait_until

PORT = 18020
SITE = f"http://127.0.0.1:{PORT}"
PAGE_DELAY = 0.5
store = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"], decode_responses=True)


def html(title, *links):
    anchors = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><ul>{anchors}</ul></body></html>"


PAGES = {
    "/": html("Home", "/page/1", "/page/2", f"{SITE}/page/3", "page/4", "/page/5", f"{SITE}/page/6", "/page/7", "/page/8",
              "/page/2#reviews", "/missing", "/slow", "/deep/1", "http://example.com/", f"http://127.0.0.1:{PORT + 1}/other",
              "mailto:shop@example.com", "/"),
    **{f"/page/{n}": html(f"Page {n}", "/", str(n % 8 + 1), f"{SITE}/page/{(n + 2) % 8 + 1}#top") for n in range(1, 9)},
    **{f"/deep/{n}": html(f"Deep {n}", f"/deep/{n + 1}") for n in range(1, 6)},
}
EXPECTED = {f"{SITE}/", *(f"{SITE}/page/{n}" for n in range(1, 9)), f"{SITE}/missing", f"{SITE}/slow",
            *(f"{SITE}/deep/{n}" for n in range(1, 4))}


class Server:
    def __init__(self):
        self.lock = threading.Lock()
        self.hits = {}
        self.inflight = 0
        self.max_inflight = 0


server = Server()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        with server.lock:
            server.hits[path] = server.hits.get(path, 0) + 1
            server.inflight += 1
            server.max_inflight = max(server.max_inflight, server.inflight)
        try:
            if path == "/slow":
                time.sleep(3)
            elif path.startswith("/page/"):
                time.sleep(PAGE_DELAY)
            body = PAGES.get(path)
            status = 200 if body is not None else 404
            data = (body or html("Not found")).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the crawler gave up on this page (timeout) and closed the connection
        finally:
            with server.lock:
                server.inflight -= 1

    def log_message(self, *args):
        pass


class Site(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default listen backlog (5) drops connections when many arrive at once


@pytest.fixture(scope="module")
def crawl():
    httpd = Site(("127.0.0.1", PORT), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    crawl_id = uuid.uuid4().hex[:12]
    key = f"crawl:{crawl_id}:pages"
    started = time.perf_counter()
    send("tasks.crawl", crawl_id, f"{SITE}/")
    wait_until(lambda: store.hlen(key) >= len(EXPECTED), timeout=8)
    seconds = time.perf_counter() - started
    time.sleep(0.5)  # let stragglers (pages that should not be there) show up
    pages = {url: json.loads(value) for url, value in store.hgetall(key).items()}
    yield {"pages": pages, "seconds": seconds}
    httpd.shutdown()
    httpd.server_close()


def test_every_page_of_the_site_up_to_max_depth_is_recorded(crawl):
    recorded = set(crawl["pages"])
    assert not EXPECTED - recorded, f"pages never recorded in crawl:<id>:pages: {sorted(EXPECTED - recorded)}"
    assert not recorded - EXPECTED, f"unexpected entries (other sites, depth > 3, fragments?): {sorted(recorded - EXPECTED)}"


def test_each_page_is_fetched_exactly_once(crawl):
    twice = {path: n for path, n in server.hits.items() if n > 1}
    assert not twice, f"pages requested more than once (remember every URL you schedule, drop #fragments): {twice}"
    never = sorted(url[len(SITE):] for url in EXPECTED if server.hits.get(url[len(SITE):], 0) == 0)
    assert not never, f"pages of the site never requested: {never}"


def test_pages_deeper_than_max_depth_are_not_fetched(crawl):
    assert server.hits.get("/deep/4", 0) == 0, "/deep/4 is 4 links from the start page: beyond MAX_DEPTH = 3"
    assert crawl["pages"].get(f"{SITE}/deep/3", {}).get("depth") == 3, f"/deep/3 should be recorded with depth 3: {crawl['pages'].get(SITE + '/deep/3')}"


def test_links_to_other_sites_are_not_followed(crawl):
    assert len(crawl["pages"]) > 1, "the crawl recorded no page beyond the start page: it never followed a link"
    foreign = [url for url in crawl["pages"] if not url.startswith(f"{SITE}/")]
    assert not foreign, f"only pages of {SITE} may be crawled, but these were recorded: {foreign}"


def test_pages_record_their_status_and_title(crawl):
    pages = crawl["pages"]
    for n in range(1, 9):
        page = pages.get(f"{SITE}/page/{n}") or {}
        assert page.get("status") == 200 and page.get("title") == f"Page {n}", f"{SITE}/page/{n} should record status 200 and title 'Page {n}': {page}"
    assert (pages.get(f"{SITE}/missing") or {}).get("status") == 404, f"/missing answers 404: {pages.get(SITE + '/missing')}"


def test_a_slow_page_times_out_without_holding_up_the_crawl(crawl):
    slow = crawl["pages"].get(f"{SITE}/slow") or {}
    assert "error" in slow, f"/slow answers after 3 s, beyond FETCH_TIMEOUT (1 s): record it with an 'error' (got {slow})"
    # One fetch after another cannot take less than 8 x 0.5 s + the 1 s timeout = 5 s, whatever the machine; a
    # concurrent crawl takes about 1.5 s. The limit sits between them with room for a loaded runner.
    assert crawl["seconds"] < 4.5, (
        f"the crawl took {crawl['seconds']:.1f} s; fetched one after another it takes over 5 s. "
        "Fan out with group(crawl.s(...)) and run the worker with -P gevent")


def test_fetches_run_concurrently_on_green_threads(crawl):
    assert server.max_inflight >= 4, (
        f"at most {server.max_inflight} requests were in flight at once: the 8 pages linked from the start page "
        "should be fetched at the same time by the gevent pool")
