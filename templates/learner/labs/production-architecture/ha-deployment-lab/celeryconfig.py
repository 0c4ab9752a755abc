"""Production settings of the reporting service (module 23 lab). See README.md in this folder.

The broker URL comes from CELERY_BROKER_URL (in production: your Sentinel or cluster URL).
"""
task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]

# TODO 1: a task whose worker node (or pool process) dies mid-run must be redelivered, not lost.
# TODO 2: reports run on their own queue ("reports") and workers, so they never starve short tasks.
# TODO 3: no task runs longer than a hard time limit, and Redis's visibility timeout is longer than
#         that limit (otherwise Redis hands a still-running task to a second worker).
# TODO 4: workers keep trying to reach the broker during a failover, however long it takes.
