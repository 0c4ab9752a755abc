"""The worker side (module 43 lab): the Celery app that processes uploads. See README.md."""
import os

import redis
from celery import Celery

app = Celery("jobs")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"], task_default_queue="uploads")

store = redis.Redis.from_url(os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"), decode_responses=True)


@app.task(name="jobs.process_upload")
def process_upload(job):
    # TODO 4: process each job id once: the first time, return {"job_id", "status": "processed",
    #         "object": "s3://<bucket>/<key>", "size"}; when the same job id comes again, return
    #         {"job_id", "status": "duplicate"}. Record the ids in Redis (store), with an expiry.
    return {"job_id": job["job_id"], "status": "processed", "object": f"s3://{job['bucket']}/{job['key']}", "size": job["size"]}
