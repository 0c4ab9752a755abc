"""The client of a slow, non-idempotent payment provider (provided: do not change this file).

The provider answers over HTTP at `bank_url` (a task argument). A charge takes a moment (a network
call) and then moves money: calling it twice for one payment charges the customer twice. The
provider keeps the balances and charge lists itself; this file records nothing.
"""
import json
import urllib.request

_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def apply_charge(bank_url, payment_id, account, amount):
    request = urllib.request.Request(
        bank_url.rstrip("/") + "/charge",
        data=json.dumps({"payment_id": payment_id, "account": account, "amount": amount}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with _opener.open(request, timeout=10) as response:
        return json.loads(response.read())
