"""Wrong on purpose: hard-codes the two example brokers instead of reading BROKER_URLS"""
import os

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

BROKER_URLS = os.environ.get("BROKER_URLS", "redis://redis-a:6379/0;redis://redis-b:6379/0")

# Every broker, primary first: Kombu connects to the first that answers.
broker_url = ["redis://redis-a:6379/0", "redis://redis-b:6379/0"]
broker_failover_strategy = "round-robin"

# A dead broker is noticed within seconds, not after the operating system's TCP timeout.
broker_transport_options = {
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
    "visibility_timeout": 3600,
}

# Workers keep reconnecting, however long the failover takes.
broker_connection_retry = True
broker_connection_max_retries = None

# Producers retry a publish through a short outage instead of failing the request at once.
task_publish_retry = True
task_publish_retry_policy = {"max_retries": 5, "interval_start": 0, "interval_step": 0.5, "interval_max": 2}
