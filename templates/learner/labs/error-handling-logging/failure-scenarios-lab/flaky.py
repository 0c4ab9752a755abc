"""The client of an unreliable service (module 9 lab). Nothing to change here.

call(service_url, key, failures) asks the service at `service_url` for an answer about `key`. The
service fails with a connection error the first `failures` times it is asked about a key, and
answers from then on; it counts the calls itself, so every worker process, and every retry, meets
the same count. This file records nothing.
"""
import json
import urllib.error
import urllib.parse
import urllib.request

_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(service_url, key, failures):
    request = urllib.request.Request(
        service_url.rstrip("/") + "/call/" + urllib.parse.quote(str(key), safe=""),
        data=json.dumps({"failures": failures}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with _opener.open(request, timeout=5) as response:
            return json.loads(response.read())["rate"]
    except urllib.error.HTTPError as error:
        raise ConnectionError(error.read().decode(errors="replace")) from None
