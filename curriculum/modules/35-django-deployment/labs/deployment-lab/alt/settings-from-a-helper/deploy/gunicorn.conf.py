"""gunicorn settings for the web processes: gunicorn -c deploy/gunicorn.conf.py"""
import multiprocessing

wsgi_app = "proj.wsgi:application"
bind = "127.0.0.1:8000"
workers = max(2, multiprocessing.cpu_count() * 2 + 1)
timeout = 30
graceful_timeout = 20
max_requests = 1000
max_requests_jitter = 100
raw_env = ["DJANGO_SETTINGS_MODULE=proj.settings_production"]
