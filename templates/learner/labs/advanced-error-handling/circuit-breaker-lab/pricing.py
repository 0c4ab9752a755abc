"""Client for the (fragile) pricing API. Given: you do not need to change this file.

The API lives at PRICING_API_URL (default http://127.0.0.1:18019, where the grader serves it):
GET /price/<symbol> answers 200 {"symbol": ..., "price": ...} for a symbol it knows, 404 for an unknown one, and
503 while it is down.
"""
import json
import os
import urllib.error
import urllib.request

PRICING_API_URL = os.environ.get("PRICING_API_URL", "http://127.0.0.1:18019")


class ServiceUnavailable(Exception):
    """Transient: the API is down, overloaded or unreachable. This is what the breaker counts."""


class UnknownSymbol(Exception):
    """Permanent: the API works but has no such symbol. Not the dependency's fault."""


def fetch_price(symbol):
    try:
        with urllib.request.urlopen(f"{PRICING_API_URL}/price/{symbol}", timeout=2) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise UnknownSymbol(symbol) from None
        raise ServiceUnavailable(f"pricing API answered {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise ServiceUnavailable(f"pricing API unreachable: {exc}") from None
