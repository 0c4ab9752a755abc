"""Broker failover settings (module 26 lab). See README.md in this folder.

The brokers come from the BROKER_URLS environment variable, primary first, separated by ";",
so operations can change them without a release, e.g.
    BROKER_URLS="redis://redis-a:6379/0;redis://redis-b:6379/0"
(Celery prefers the CELERY_BROKER_URL variable to broker_url: unset it to try failover.)
"""
import os

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

BROKER_URLS = os.environ.get("BROKER_URLS", "redis://redis-a:6379/0;redis://redis-b:6379/0")

# TODO 1: broker_url: every broker of BROKER_URLS, primary first, so Kombu can fail over to the next.
# TODO 2: broker_failover_strategy: how Kombu moves through them ("round-robin" or "shuffle").
# TODO 3: notice a dead broker within seconds: broker_transport_options with a socket_connect_timeout
#         (and socket_timeout) of a few seconds; keep a visibility_timeout there too.
# TODO 4: workers keep reconnecting during a failover (broker_connection_retry, broker_connection_max_retries),
#         and publishing retries through a short outage (task_publish_retry, task_publish_retry_policy).
