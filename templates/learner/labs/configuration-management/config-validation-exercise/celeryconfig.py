"""The development configuration (valid). The broker and backend URLs come from CELERY_BROKER_URL
and CELERY_RESULT_BACKEND, which win over anything set here."""
app_env = "development"
task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]
timezone = "UTC"
worker_concurrency = 2
worker_prefetch_multiplier = 4
task_soft_time_limit = 50
task_time_limit = 60
