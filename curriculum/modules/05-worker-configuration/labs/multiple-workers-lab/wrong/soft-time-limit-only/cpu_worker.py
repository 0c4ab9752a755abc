"""Wrong: only a soft time limit, which a busy loop that never catches it still ends with SoftTimeLimitExceeded."""
from tasks import app

app.conf.update(
    worker_pool="prefork",
    worker_prefetch_multiplier=1,
    worker_max_tasks_per_child=100,
    task_soft_time_limit=1,
)
