"""Alternative job task (module 34): the job row updated through the instance with update_fields."""
from celery import shared_task

from .models import Job
from .processing import count_words


@shared_task
def run_job(job_id):
    job = Job.objects.get(pk=job_id)
    job.status, job.progress = Job.RUNNING, 0
    job.save(update_fields=["status", "progress"])

    def report(percent):
        Job.objects.filter(pk=job_id).update(progress=percent)

    try:
        counts = count_words(job.text, report)
    except Exception:
        Job.objects.filter(pk=job_id).update(status=Job.FAILED)
        raise
    job.status, job.progress, job.result = Job.DONE, 100, counts
    job.save(update_fields=["status", "progress", "result"])
    return counts
