# TODO 3: import the Celery app here (from .celery import app as celery_app, and list it in
#         __all__) so that it is loaded whenever Django starts, and @shared_task binds to it.
