"""Reference solution: module 5, multiple workers lab (the io worker's settings)."""
from tasks import app

app.conf.update(worker_pool="threads", worker_prefetch_multiplier=8)
