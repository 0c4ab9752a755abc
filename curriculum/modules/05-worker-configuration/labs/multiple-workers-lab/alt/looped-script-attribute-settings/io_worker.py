"""Alternative solution: the io worker's settings from a plain object."""
import tasks


class IoSettings:
    worker_pool = "threads"
    worker_prefetch_multiplier = 8


app = tasks.app
app.config_from_object(IoSettings)
