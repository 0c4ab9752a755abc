"""Wrong on purpose: leaves the socket timeouts out: a silent primary hangs clients for the operating system's TCP timeout"""
import os

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

BROKER_URLS = os.environ.get("BROKER_URLS", "redis://redis-a:6379/0;redis://redis-b:6379/0")

# Every broker, primary first: Kombu connects to the first that answers.
broker_url = [url.strip() for url in BROKER_URLS.split(";") if url.strip()]
broker_failover_strategy = "round-robin"

# A dead broker is noticed within seconds, not after the operating system's TCP timeout.
broker_transport_options = {
    "visibility_timeout": 3600,
}

# Workers keep reconnecting, however long the failover takes.
broker_connection_retry = True
broker_connection_max_retries = None

# Producers retry a publish through a short outage instead of failing the request at once.
task_publish_retry = True
task_publish_retry_policy = {"max_retries": 5, "interval_start": 0, "interval_step": 0.5, "interval_max": 2}
