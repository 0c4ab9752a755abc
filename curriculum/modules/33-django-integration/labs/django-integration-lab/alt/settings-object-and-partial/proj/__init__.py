from proj.celery import app as celery_app  # loaded with Django, so shared tasks bind to it

__all__ = ["celery_app"]
