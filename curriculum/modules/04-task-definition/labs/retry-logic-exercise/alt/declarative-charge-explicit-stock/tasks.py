"""Alternative solution, the other way round: charge_payment retries declaratively (autoretry_for with
retry_kwargs), reserve_stock explicitly with its own exponential countdown capped at 2 s."""
from celery import Celery

from services import GatewayTimeout, ServiceUnavailable, charge, reserve

app = Celery("tasks")
app.conf.task_serializer = app.conf.result_serializer = "json"
app.conf.accept_content = ["json"]


@app.task(bind=True, autoretry_for=(GatewayTimeout,),
          retry_kwargs={"max_retries": 3, "countdown": 0.5}, retry_backoff=False)
def charge_payment(self, service_url, payment_id, amount):
    receipt = charge(service_url, payment_id, amount)
    receipt["retries"] = self.request.retries
    return receipt


@app.task(bind=True, max_retries=3)
def reserve_stock(self, service_url, sku):
    try:
        answer = reserve(service_url, sku)
    except ServiceUnavailable as error:
        raise self.retry(exc=error, countdown=min(2, 2 ** self.request.retries))
    return dict(answer, retries=self.request.retries)
