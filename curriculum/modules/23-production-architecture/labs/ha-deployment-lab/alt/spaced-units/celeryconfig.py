"""Reference solution: module 23, HA deployment lab (production settings)."""
task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

# A task is acknowledged only after it ran, and given back if its pool process dies: a crashed
# node's tasks are redelivered to another node (tasks must be idempotent, they may run twice).
task_acks_late = True
task_reject_on_worker_lost = True

# Reports have a queue and worker nodes of their own.
task_routes = {"tasks.generate_report": {"queue": "reports"}}

# Hard limit on any task, and a Redis visibility timeout well above it: a message not acknowledged
# within the visibility timeout is handed to another worker although the first still runs it.
task_time_limit = 30 * 60
task_soft_time_limit = 25 * 60
broker_transport_options = {"visibility_timeout": 2 * 3600}

# During a broker failover workers keep reconnecting, however long it takes.
broker_connection_retry = True
broker_connection_max_retries = None

# Results are read within minutes; keep them a day at most.
result_expires = 24 * 3600
