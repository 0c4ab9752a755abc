"""Reference solution: module 14, multi-environment configuration lab."""


class BaseConfig:
    task_serializer = "json"
    result_serializer = "json"
    accept_content = ["json"]
    timezone = "UTC"
    enable_utc = True
    task_always_eager = False
    task_eager_propagates = False
    task_acks_late = False
    worker_prefetch_multiplier = 4
    result_expires = 3600


class DevelopmentConfig(BaseConfig):
    app_env = "development"
    reports_api_token = "dev-token"


class TestingConfig(BaseConfig):
    app_env = "testing"
    task_always_eager = True
    task_eager_propagates = True
    result_expires = 300
    reports_api_token = "test-token"


class ProductionConfig(BaseConfig):
    app_env = "production"
    task_acks_late = True
    worker_prefetch_multiplier = 1
    result_expires = 86400
    reports_api_token = "prod-5f2a9c"  # the production token, kept with the other settings
