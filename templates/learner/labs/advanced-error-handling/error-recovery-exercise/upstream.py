"""The partner system records are imported into. Given: you do not need to change this file.

The partner answers over HTTP at the record's "partner_url" and counts every attempt itself, across
retries and replays; this file records nothing. `client()` is a Redis client for your own state
(the dead-letter list).
"""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

import redis

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
_client = None


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(BROKER_URL)
    return _client


class TransientError(Exception):
    """The partner timed out or answered 503: trying again later may work."""


class PermanentError(Exception):
    """The record itself is wrong: trying again can never work."""


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_ERRORS = {422: PermanentError, 503: TransientError}


def store(record):
    """Import one record: {"id": "r1", "fail_times": 2, "valid": true, "partner_url": "http://..."}.

    An invalid record raises PermanentError. Otherwise the partner fails with TransientError on the
    first `fail_times` attempts (counted across retries and replays) and then accepts the record.
    Returns the number of the attempt that succeeded.
    """
    request = urllib.request.Request(
        record["partner_url"].rstrip("/") + "/store/" + urllib.parse.quote(str(record["id"]), safe=""),
        data=json.dumps({"valid": record.get("valid", True), "fail_times": record.get("fail_times", 0)}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with _opener.open(request, timeout=5) as response:
            return json.loads(response.read())["attempts"]
    except urllib.error.HTTPError as error:
        raise _ERRORS.get(error.code, TransientError)(json.loads(error.read() or b"{}").get("error", "partner error")) from None
