"""Alternative async API (module 34): job creation as a generics.CreateAPIView whose create() answers
202 with a Location, the task queued by on_commit with functools.partial."""
from functools import partial

from django.db import transaction
from django.urls import reverse
from rest_framework import generics
from rest_framework.response import Response

from .models import Job
from .serializers import JobCreateSerializer, JobSerializer
from .tasks import run_job


class JobCreate(generics.CreateAPIView):
    serializer_class = JobCreateSerializer

    def create(self, request, *args, **kwargs):
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        with transaction.atomic():
            job = incoming.save()
            transaction.on_commit(partial(run_job.apply_async, args=(job.pk,)))
        location = request.build_absolute_uri(reverse("job-detail", kwargs={"pk": job.pk}))
        body = dict(JobSerializer(job).data)
        body["url"] = location
        return Response(body, status=202, headers={"Location": location})


class JobDetail(generics.RetrieveAPIView):
    queryset = Job.objects.all()
    serializer_class = JobSerializer
