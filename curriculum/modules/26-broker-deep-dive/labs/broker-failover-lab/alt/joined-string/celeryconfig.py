"""Alternative correct failover settings (module 26): broker_url as the ';'-separated string Kombu
splits itself, the shuffle strategy, and settings grouped in dicts merged into the module."""
import os

_DEFAULT = "redis://redis-primary:6379/0;redis://redis-standby:6379/0"

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

# Kombu splits a ';'-separated broker_url into its failover list.
broker_url = ";".join(part.strip() for part in os.environ.get("BROKER_URLS", _DEFAULT).split(";") if part.strip())
broker_failover_strategy = "shuffle"

broker_transport_options = dict(socket_connect_timeout=2, socket_timeout=4, visibility_timeout=7200)

broker_connection_retry = True
broker_connection_max_retries = None

task_publish_retry = True
task_publish_retry_policy = dict(max_retries=4, interval_start=0.2, interval_step=0.5, interval_max=3)
