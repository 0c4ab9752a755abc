"""Background work of the jobs app (reference solution)."""
from celery import shared_task

from .models import Job
from .processing import count_words


@shared_task
def run_job(job_id):
    job = Job.objects.get(pk=job_id)
    jobs = Job.objects.filter(pk=job_id)
    jobs.update(status=Job.RUNNING, progress=0)
    try:
        result = count_words(job.text, lambda percent: jobs.update(progress=percent))
    except Exception:
        jobs.update(status=Job.FAILED)
        raise
    return result
