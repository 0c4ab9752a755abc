"""Alternative solution: module 3, RabbitMQ lab. The URL is assembled from parts (pyamqp scheme, the
password URL-quoted), and the settings are grouped in dictionaries published as module names."""
from os import environ
from urllib.parse import quote

RABBIT = {"user": "shop", "host": "localhost", "port": 5672, "vhost": "shop"}

broker_url = "pyamqp://{user}:{password}@{host}:{port}/{vhost}".format(
    password=quote(environ.get("RABBITMQ_PASSWORD") or "shop", safe=""), **RABBIT)
result_backend = "redis://{}:{}/{}".format("localhost", 6379, 1)

_connection = dict(
    broker_heartbeat=30,
    broker_connection_timeout=10.0,
    broker_pool_limit=20,
    broker_transport_options=dict(confirm_publish=True),
)
_reliability = dict(task_acks_late=True, worker_prefetch_multiplier=1)

globals().update(_connection, **_reliability, task_queue_max_priority=10)
