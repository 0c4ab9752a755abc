"""Alternative solution: module 14, multi-environment lab. Settings as dictionaries merged per environment,
turned into classes by a small helper so config_from_object receives objects, not names."""
SHARED = dict(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    timezone="UTC",
    enable_utc=True,
    task_always_eager=False,
    task_eager_propagates=False,
    task_acks_late=False,
    worker_prefetch_multiplier=4,
    result_expires=60 * 60,
)

DIFFERENCES = {
    "development": dict(reports_api_token="dev-token"),
    "testing": dict(task_always_eager=True, task_eager_propagates=True, result_expires=5 * 60, reports_api_token="test-token"),
    "production": dict(task_acks_late=True, worker_prefetch_multiplier=1, result_expires=24 * 60 * 60),
}


def settings_for(env):
    return type(f"{env.title()}Settings", (), {**SHARED, "app_env": env, **DIFFERENCES[env]})


BaseConfig = type("BaseConfig", (), dict(SHARED))
DevelopmentConfig, TestingConfig, ProductionConfig = (settings_for(env) for env in ("development", "testing", "production"))
