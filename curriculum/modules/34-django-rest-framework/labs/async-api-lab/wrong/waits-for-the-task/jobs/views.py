from django.db import transaction
from django.urls import reverse
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Job
from .serializers import JobCreateSerializer, JobSerializer
from .tasks import run_job


class JobCreate(APIView):
    def post(self, request):
        serializer = JobCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            job = serializer.save()
        try:
            run_job.delay(job.pk).get(timeout=5)
        except Exception:
            pass
        job.refresh_from_db()
        url = request.build_absolute_uri(reverse("job-detail", args=[job.pk]))
        return Response({**JobSerializer(job).data, "url": url}, status=status.HTTP_202_ACCEPTED, headers={"Location": url})


class JobDetail(generics.RetrieveAPIView):
    queryset = Job.objects.all()
    serializer_class = JobSerializer
