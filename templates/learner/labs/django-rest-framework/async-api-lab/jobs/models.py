from django.db import models


class Job(models.Model):
    """The client's handle on a piece of background work (instead of a raw Celery task id)."""

    PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"

    text = models.TextField()
    status = models.CharField(max_length=10, default=PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
