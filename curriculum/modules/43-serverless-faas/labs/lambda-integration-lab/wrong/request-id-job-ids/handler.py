"""Reference solution: module 43, Lambda integration lab: the function's handler.

Deployed as handler.lambda_handler. It starts Celery work by task name; it never runs a worker
and ships without the worker's code.
"""
import json
import os
import uuid

from celery import Celery

# Created once per execution environment, at import: warm invocations reuse the app and its
# broker connection pool instead of paying for them on every event.
app = Celery("upload-function", broker=os.environ.get("CELERY_BROKER_URL"))
app.conf.update(task_serializer="json", accept_content=["json"], broker_pool_limit=1)

JOB_NAMESPACE = uuid.UUID("6f1c1f2e-2b0e-4f8e-9d4a-0c7e3c5d9a11")


def job_for(record):
    """A job for one S3 record. Its id comes from the object and its sequencer, so a retried
    invocation (Lambda retries asynchronous events) produces the same id, and the worker can
    recognise the duplicate."""
    bucket = record["s3"]["bucket"]["name"]
    obj = record["s3"]["object"]
    job_id = str(uuid.uuid4())
    return {"job_id": job_id, "bucket": bucket, "key": obj["key"], "size": obj.get("size", 0)}


def lambda_handler(event, context):
    records = [r for r in (event or {}).get("Records", []) if r.get("eventSource") == "aws:s3" and "s3" in r]
    if not records:
        return {"statusCode": 400, "body": json.dumps({"error": "no S3 records in the event"})}
    job_ids = []
    for record in records:
        job = job_for(record)
        app.send_task("jobs.process_upload", args=[job], queue="uploads", task_id=job["job_id"])
        job_ids.append(job["job_id"])
    print(json.dumps({"request_id": getattr(context, "aws_request_id", None), "job_ids": job_ids}))
    return {"statusCode": 202, "body": json.dumps({"job_ids": job_ids})}
