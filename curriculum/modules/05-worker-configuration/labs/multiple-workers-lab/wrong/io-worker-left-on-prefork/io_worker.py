"""Wrong: the io worker keeps the default prefork pool; only the prefetch multiplier is set."""
from tasks import app

app.conf.update(worker_prefetch_multiplier=8)
