"""The upload function (module 43 lab): deployed as handler.lambda_handler. See README.md.

It starts Celery work by task name; it never runs a worker and ships without the worker's code.
"""
import json
import os

from celery import Celery


def lambda_handler(event, context):
    # TODO 1: create the Celery app once per execution environment (at module level, not here),
    #         with the broker from CELERY_BROKER_URL and the JSON serializer.
    # TODO 2: for each S3 record in event["Records"] (eventSource "aws:s3"), build a job
    #         {"job_id", "bucket", "key", "size"} whose job_id is the same every time the same
    #         record is delivered (derive it from bucket, key and sequencer, e.g. with uuid.uuid5),
    #         and send it by name: send_task("jobs.process_upload", args=[job], queue="uploads",
    #         task_id=job_id).
    # TODO 3: answer {"statusCode": 202, "body": json.dumps({"job_ids": [...]})}, or
    #         {"statusCode": 400, "body": ...} when the event has no S3 record.
    return {"statusCode": 500, "body": json.dumps({"error": "not implemented"})}
