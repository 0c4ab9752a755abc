from django.urls import path

from . import views

urlpatterns = [
    path("inbound/", views.inbound, name="inbound-webhook"),
    path("events/<int:pk>/", views.EventDetail.as_view(), name="event-detail"),
]
