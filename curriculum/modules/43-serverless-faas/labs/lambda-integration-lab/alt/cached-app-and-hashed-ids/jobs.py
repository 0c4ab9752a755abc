"""Reference solution: module 43, Lambda integration lab: the worker side."""
import os

import redis
from celery import Celery

app = Celery("jobs")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"], task_default_queue="uploads")

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


@app.task(name="jobs.process_upload")
def process_upload(job):
    """Processes an uploaded object once per job id: Lambda and Celery both deliver at least once."""
    if not store.set(f"lambda-lab:processed:{job['job_id']}", 1, nx=True, ex=86400):
        return {"job_id": job["job_id"], "status": "duplicate"}
    return {"job_id": job["job_id"], "status": "processed", "object": f"s3://{job['bucket']}/{job['key']}", "size": job["size"]}
