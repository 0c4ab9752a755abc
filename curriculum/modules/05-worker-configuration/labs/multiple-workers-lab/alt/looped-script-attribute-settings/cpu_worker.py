"""Alternative solution: the cpu worker's settings set one attribute at a time."""
import tasks

app = tasks.app
app.conf.worker_pool = "prefork"
app.conf.worker_prefetch_multiplier = 1
app.conf.worker_max_tasks_per_child = 100
app.conf.task_time_limit = 1.0
