"""gunicorn settings for the web processes: gunicorn -c deploy/gunicorn.conf.py"""

wsgi_app = "proj.wsgi:application"

# TODO: bind to 127.0.0.1:8000 (behind the reverse proxy), run at least 2 workers, give a stopping
#       worker at least 10 s to finish its requests (graceful_timeout), and recycle workers after
#       a number of requests (max_requests, with max_requests_jitter).
