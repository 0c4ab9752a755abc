from django.urls import path

from . import views

urlpatterns = [
    path("jobs/", views.JobCreate.as_view(), name="job-create"),
    path("jobs/<int:pk>/", views.JobDetail.as_view(), name="job-detail"),
]
