"""Tasks that handle card numbers and personal data (module 16 exercise). See README.md.

The broker and the result backend store messages and results as they are, so sensitive fields
travel encrypted with Fernet (symmetric, authenticated) and only the worker and trusted clients
hold the key. The key is a secret file, never part of the repository.
"""
import json  # noqa: F401
import os

from celery import Celery
from celery.exceptions import ImproperlyConfigured  # noqa: F401
from cryptography.fernet import Fernet, InvalidToken  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))
KEY_FILE = os.environ.get("TASK_DATA_KEY_FILE") or os.path.join(HERE, "secrets", "task-data.key")

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("vault")
app.conf.update(task_serializer="json", result_serializer="json")
# TODO 1: accept JSON only, for messages and for results (accept_content, result_accept_content).


def load_fernet(path=KEY_FILE):
    """TODO 2: return Fernet(<the key in the file at path>). When the file does not exist, raise
    ImproperlyConfigured with a message that names the path (and TASK_DATA_KEY_FILE)."""
    return None


fernet = load_fernet()  # at import time: a worker without its key must not start


def encrypt_payload(data):
    """TODO 3: dict -> Fernet token (a str, so it travels as JSON): encrypt json.dumps(data)."""
    return data


def decrypt_payload(token):
    """TODO 4: Fernet token -> dict. Raise ValueError("payload could not be decrypted") when the
    token is not a str, was tampered with or was made with another key (cryptography raises
    InvalidToken). Don't put the token or what it contains in the error."""
    return token


@app.task
def charge_card(token):
    """Charges a card. `token` is encrypt_payload({"card_number": ..., "amount": ..., "customer_id": ...}).

    Returns {"status": "charged", "last4": <last 4 digits>, "amount": ..., "customer_id": ...}:
    never the card number itself (results are stored in Redis as they are).
    TODO 5: decrypt the payload first.
    """
    payment = token
    return {"status": "charged", "card_number": payment["card_number"], "amount": payment["amount"],
            "customer_id": payment["customer_id"]}


@app.task
def customer_profile(customer_id):
    """A customer's personal data, for a trusted client that holds the key.

    TODO 6: return the profile encrypted with encrypt_payload, not as plain JSON.
    """
    profile = {"customer_id": customer_id, "email": f"customer{customer_id}@example.com",
               "phone": f"+44 20 7946 {customer_id:04d}"}
    return profile
