"""Hidden tests for module 16's encrypt task data exercise. The lab's setup makes a fresh key for the
run, writes it to secrets/task-data.key before the worker starts and leaves a copy in the broker's
Redis for these tests (so no key known in advance can be built into the code); these tests encrypt
payloads the way a trusted client would, and search Redis for any plaintext left behind. The card
number is drawn from COURSEBOT_SEED."""
import json
import os
import random

import pytest
import redis
from cryptography.fernet import Fernet

from coursebot_lab import call, inspect, send

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
RANDOM = random.Random(SEED)
KEY = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"]).get("coursebot:task-data-key")  # lab.yml's setup
fernet = Fernet(KEY) if KEY else Fernet(Fernet.generate_key())
CARD = "4" + "".join(str(RANDOM.randrange(10)) for _ in range(15))


def encrypt(data, with_fernet=fernet):
    return with_fernet.encrypt(json.dumps(data).encode()).decode()


def _values(client, key):
    kind = client.type(key)
    if kind == b"string":
        return [client.get(key)]
    if kind == b"list":
        return client.lrange(key, 0, -1)
    if kind == b"hash":
        return list(client.hvals(key))
    return []


def redis_values_containing(text, result):
    """Keys holding `text` in plain text: anywhere in the broker's database, and the stored result
    of `result` (other results in the backend may come from earlier runs)."""
    broker = redis.Redis.from_url(os.environ["COURSEBOT_BROKER_URL"])
    backend = redis.Redis.from_url(os.environ["COURSEBOT_BACKEND_URL"])
    places = [(broker, key) for key in broker.scan_iter(count=1000)]
    places.append((backend, f"celery-task-meta-{result.id}".encode()))
    return [key.decode(errors="replace") for client, key in places
            if any(text.encode() in (value or b"") for value in _values(client, key))]


def test_charge_card_accepts_an_encrypted_payload():
    result = call("vault.charge_card", encrypt({"card_number": CARD, "amount": 12.5, "customer_id": 7}))
    assert KEY, "the grader's key for this run is missing: tell your instructor"
    assert result == {"status": "charged", "last4": CARD[-4:], "amount": 12.5, "customer_id": 7}, (
        f"charging card ...{CARD[-4:]} (seed {SEED}) returned {result}")


def test_no_card_number_is_left_in_redis():
    result = send("vault.charge_card", encrypt({"card_number": CARD, "amount": 3, "customer_id": 8}))
    result.get(timeout=10)
    assert redis_values_containing(CARD, result) == []


def test_a_tampered_payload_is_refused_without_revealing_it():
    token = encrypt({"card_number": CARD, "amount": 1, "customer_id": 9})
    tampered = token[:20] + ("A" if token[20] != "A" else "B") + token[21:]
    with pytest.raises(Exception) as refused:
        call("vault.charge_card", tampered)
    assert type(refused.value).__name__ == "ValueError", f"expected ValueError, got {refused.value!r}"
    assert CARD not in str(refused.value) and tampered not in str(refused.value)


def test_a_payload_encrypted_with_another_key_is_refused():
    stranger = Fernet(Fernet.generate_key())
    with pytest.raises(Exception) as refused:
        call("vault.charge_card", encrypt({"card_number": CARD, "amount": 1, "customer_id": 9}, stranger))
    assert type(refused.value).__name__ == "ValueError", f"expected ValueError, got {refused.value!r}"


def test_a_plain_payload_is_refused():
    with pytest.raises(Exception) as refused:
        call("vault.charge_card", {"card_number": CARD, "amount": 1, "customer_id": 9})
    assert type(refused.value).__name__ == "ValueError", f"expected ValueError, got {refused.value!r}"


def test_customer_profile_comes_back_encrypted():
    token = call("vault.customer_profile", 42)
    assert isinstance(token, str) and "@example.com" not in token, f"the profile travelled in plain text: {token!r:.120}"
    assert json.loads(fernet.decrypt(token.encode())) == {
        "customer_id": 42, "email": "customer42@example.com", "phone": "+44 20 7946 0042"}


def test_no_personal_data_is_left_in_redis():
    result = send("vault.customer_profile", 43)
    result.get(timeout=10)
    assert redis_values_containing("customer43@example.com", result) == []


def test_the_worker_accepts_json_only():
    conf = next(iter((inspect().conf(with_defaults=True) or {None: {}}).values()))
    # "json" and "application/json" name the same serializer.
    accepted = [{name.split("/")[-1] for name in conf.get(setting) or []} for setting in ("accept_content", "result_accept_content")]
    assert accepted == [{"json"}, {"json"}], (
        f"accept_content is {conf.get('accept_content')}, result_accept_content is {conf.get('result_accept_content')}")
