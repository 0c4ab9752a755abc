"""Celery settings for production with RabbitMQ as the broker and Redis as the result backend
(module 3 lab). Celery reads every lower-case name in this module as a setting; see README.md."""
import os  # noqa: F401  (the broker password comes from the environment)

# TODO 1: broker_url: RabbitMQ on localhost:5672, user "shop", virtual host "shop", and the password
#         read from the RABBITMQ_PASSWORD environment variable (default "shop"); never write a
#         real password in this file.
# TODO 2: result_backend: Redis on localhost:6379, database 1.
# TODO 3: connection management: heartbeats every 30 s (broker_heartbeat), give up a connection
#         attempt after 10 s (broker_connection_timeout), keep at most 20 pooled connections
#         (broker_pool_limit), and wait for RabbitMQ's publisher confirms
#         (broker_transport_options = {"confirm_publish": True}).
# TODO 4: reliability: acknowledge messages after the task ran (task_acks_late) and let each worker
#         process reserve one message at a time (worker_prefetch_multiplier).
# TODO 5: priorities: declare queues with priorities 0-10 (task_queue_max_priority).
