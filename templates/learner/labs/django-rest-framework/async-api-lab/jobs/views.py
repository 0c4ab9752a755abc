from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Job
from .processing import count_words
from .serializers import JobCreateSerializer, JobSerializer


class JobCreate(APIView):
    def post(self, request):
        serializer = JobCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = serializer.save()
        # TODO 2: this does the slow work inside the request. Instead, send jobs.tasks.run_job with
        #         the job's primary key once the job row is committed (transaction.on_commit), and
        #         answer at once: 202 Accepted, the job (JobSerializer) plus its "url", and a
        #         Location header with that URL (request.build_absolute_uri(reverse("job-detail", ...))).
        job.result = count_words(job.text)
        job.status, job.progress = Job.DONE, 100
        job.save()
        return Response(JobSerializer(job).data, status=status.HTTP_201_CREATED)


class JobDetail(generics.RetrieveAPIView):
    queryset = Job.objects.all()
    serializer_class = JobSerializer
