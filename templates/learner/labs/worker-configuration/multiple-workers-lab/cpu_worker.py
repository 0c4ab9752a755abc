"""Settings of the worker for CPU-bound tasks (queue `cpu`). Start it with
`celery -A cpu_worker worker ...` (see start-workers.sh): it is the same app as tasks.py, with
this worker's own settings on top."""
from tasks import app  # noqa: F401  (celery -A cpu_worker finds this `app`)

# TODO 1: app.conf.update(...) with
#   - the prefork pool (worker_pool): one process per core, real parallelism for CPU work;
#   - each process reserves one task at a time (worker_prefetch_multiplier);
#   - a child process is replaced after 100 tasks (worker_max_tasks_per_child);
#   - a task is killed after 1 second (task_time_limit): a runaway crunch must not block a process forever.
