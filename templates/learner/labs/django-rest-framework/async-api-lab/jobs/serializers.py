from rest_framework import serializers

from .models import Job


class JobCreateSerializer(serializers.ModelSerializer):
    """What a client may send: the text to process."""

    text = serializers.CharField(max_length=10_000)

    class Meta:
        model = Job
        fields = ["text"]


class JobSerializer(serializers.ModelSerializer):
    """What a client sees of a job."""

    class Meta:
        model = Job
        fields = ["id", "status", "progress", "result"]
