"""Alternative solution: module 16, encrypt task data. The key lives in a small class loaded at import
(pathlib), payloads are (de)serialised through a helper pair, and the config is set attribute by attribute."""
import json
import os
from pathlib import Path

from celery import Celery
from celery.exceptions import ImproperlyConfigured
from cryptography.fernet import Fernet, InvalidToken

app = Celery("vault")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["application/json"]
app.conf.result_accept_content = ["application/json"]


class Sealer:
    def __init__(self, key_path):
        self.path = Path(key_path)
        if not self.path.is_file():
            raise ImproperlyConfigured(f"no task data key at {self.path}")
        self.box = Fernet(self.path.read_bytes().strip())

    def seal(self, data):
        return self.box.encrypt(json.dumps(data, separators=(",", ":")).encode("utf-8")).decode("ascii")

    def open(self, token):
        try:
            return json.loads(self.box.decrypt(token.encode("ascii")))
        except (InvalidToken, AttributeError, UnicodeEncodeError):
            raise ValueError("rejected: not a token sealed with our key") from None


SEALER = Sealer(os.environ.get("TASK_DATA_KEY_FILE") or Path(__file__).resolve().parent / "secrets" / "task-data.key")


def encrypt_payload(data):
    return SEALER.seal(data)


def decrypt_payload(token):
    return SEALER.open(token)


@app.task
def charge_card(token):
    card = decrypt_payload(token)
    return {"status": "charged", "last4": str(card["card_number"])[-4:], "amount": card["amount"],
            "customer_id": card["customer_id"]}


@app.task
def customer_profile(customer_id):
    return encrypt_payload({"customer_id": customer_id, "email": f"customer{customer_id}@example.com",
                            "phone": "+44 20 7946 %04d" % customer_id})
