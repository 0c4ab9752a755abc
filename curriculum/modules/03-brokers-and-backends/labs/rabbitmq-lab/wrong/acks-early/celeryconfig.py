"""Reference solution: module 3, RabbitMQ lab (settings)."""
import os

_password = os.environ.get("RABBITMQ_PASSWORD", "shop")
broker_url = f"amqp://shop:{_password}@localhost:5672/shop"
result_backend = "redis://localhost:6379/1"

# Connection management
broker_heartbeat = 30
broker_connection_timeout = 10
broker_pool_limit = 20
broker_transport_options = {"confirm_publish": True}

# Reliability: a task whose worker dies mid-way is delivered again

# Priorities (RabbitMQ declares the queues with x-max-priority)
task_queue_max_priority = 10
