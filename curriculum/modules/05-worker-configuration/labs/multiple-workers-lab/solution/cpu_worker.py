"""Reference solution: module 5, multiple workers lab (the cpu worker's settings)."""
from tasks import app

app.conf.update(
    worker_pool="prefork",
    worker_prefetch_multiplier=1,
    worker_max_tasks_per_child=100,
    task_time_limit=1,
)
