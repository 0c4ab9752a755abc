"""Hidden tests for module 43's Lambda lab: the worker side, black-box. The worker runs the
learner's jobs app on queue uploads; the handler itself is exercised by command checks."""
import uuid

from coursebot_lab import call, registered


def job(key="photos/cat.jpg", size=512):
    return {"job_id": str(uuid.uuid4()), "bucket": "uploads", "key": key, "size": size}


def test_process_upload_is_registered():
    assert "jobs.process_upload" in registered()


def test_a_job_is_processed():
    work = job()
    assert call("jobs.process_upload", work, queue="uploads", timeout=10) == {
        "job_id": work["job_id"], "status": "processed", "object": "s3://uploads/photos/cat.jpg", "size": 512}


def test_the_same_job_delivered_twice_is_processed_once():
    work = job("docs/a.pdf", 9)
    assert call("jobs.process_upload", work, queue="uploads", timeout=10)["status"] == "processed"
    assert call("jobs.process_upload", work, queue="uploads", timeout=10) == {"job_id": work["job_id"], "status": "duplicate"}, (
        "a redelivered job was processed again: record processed job ids in Redis")
