"""The tasks under test (module 10 lab). Do not change this file: write tests for it in tests/."""
from celery import Celery

import mailer
import pricing

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])


@app.task
def add(x, y):
    return x + y


@app.task
def normalize_email(address):
    """Turns " Ann@Example.COM " into "ann@example.com"; ValueError unless it has a local part, an @ and a domain."""
    cleaned = address.strip().lower()
    local, at, domain = cleaned.partition("@")
    if not (local and at and domain):
        raise ValueError(f"not an e-mail address: {address!r}")
    return cleaned


@app.task(bind=True, max_retries=3)
def fetch_price(self, symbol):
    """The price of `symbol`, rounded to 2 decimal places; retried in 5 s when the service is unreachable."""
    try:
        price = pricing.get_price(symbol)
    except ConnectionError as exc:
        raise self.retry(exc=exc, countdown=5)
    return round(price, 2)


@app.task
def send_welcome(user_email):
    """Sends one welcome e-mail to the normalized address and returns that address."""
    address = normalize_email(user_email)
    mailer.send(address, "Welcome!", f"Hello {address}, thanks for signing up.")
    return address
