"""Alternative Lambda handler (module 43): the Celery app built on first use and cached for the life
of the execution environment (functools.lru_cache), job ids as UUIDs made from a SHA-256 of the
record, and one publish per record through the app's producer pool."""
import functools
import hashlib
import json
import os
import uuid

from celery import Celery


@functools.lru_cache(maxsize=None)
def celery_app():
    app = Celery("upload-function", broker=os.environ.get("CELERY_BROKER_URL"))
    app.conf.task_serializer = "json"
    app.conf.accept_content = ["json"]
    app.conf.broker_pool_limit = 1
    return app


def _job(record):
    bucket = record["s3"]["bucket"]["name"]
    obj = record["s3"]["object"]
    digest = hashlib.sha256(f"{bucket}\0{obj['key']}\0{obj.get('sequencer', '')}".encode()).digest()
    return {"job_id": str(uuid.UUID(bytes=digest[:16])), "bucket": bucket, "key": obj["key"], "size": obj.get("size", 0)}


def lambda_handler(event, context):
    s3_records = [r for r in (event or {}).get("Records") or [] if r.get("eventSource") == "aws:s3" and "s3" in r]
    if not s3_records:
        return {"statusCode": 400, "body": json.dumps({"error": "no S3 records in the event"})}
    app = celery_app()
    ids = []
    for record in s3_records:
        job = _job(record)
        app.send_task("jobs.process_upload", args=[job], queue="uploads", task_id=job["job_id"])
        ids.append(job["job_id"])
    print(json.dumps({"request_id": getattr(context, "aws_request_id", None), "job_ids": ids}))
    return {"statusCode": 202, "body": json.dumps({"job_ids": ids})}
