"""Reference solution: module 3, RabbitMQ lab (settings)."""
import os

_password = os.environ.get("RABBITMQ_PASSWORD", "shop")
broker_url = f"amqp://shop:{_password}@localhost:5672/shop"
result_backend = "redis://localhost:6379/1"

# Connection management
broker_heartbeat = 30
broker_connection_timeout = 10
broker_pool_limit = 20
confirm_publish = True  # a top-level name Celery never reads

# Reliability: a task whose worker dies mid-way is delivered again
task_acks_late = True
worker_prefetch_multiplier = 1

# Priorities (RabbitMQ declares the queues with x-max-priority)
task_queue_max_priority = 10
