"""Settings of the worker for I/O-bound tasks (queue `io`). Start it with
`celery -A io_worker worker ...` (see start-workers.sh)."""
from tasks import app  # noqa: F401  (celery -A io_worker finds this `app`)

# TODO 2: app.conf.update(...) with
#   - the thread pool (worker_pool = "threads"): tasks that mostly wait share one process;
#   - each thread reserves 8 tasks at a time (worker_prefetch_multiplier): they are short waits.
