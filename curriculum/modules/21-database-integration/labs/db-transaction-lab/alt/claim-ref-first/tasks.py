"""Alternative solution: module 21 lab. The order row is inserted first (it claims the ref: a duplicate
fails on the unique constraint at once), stock is reserved with plain SQL, and PaymentTimeout is retried by
hand with self.retry instead of autoretry_for."""
from celery import Celery
from sqlalchemy import exc, text

import payments
from db import Confirmation, Order, OrderLine, Product, Session, init_db

app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

init_db()

RESERVE = text("UPDATE products SET stock = stock - :qty WHERE sku = :sku AND stock >= :qty")
PRICE = text("SELECT price_cents FROM products WHERE sku = :sku")


class OutOfStock(Exception):
    def __init__(self, sku):
        super().__init__(sku)
        self.sku = sku

    def __str__(self):
        return f"not enough stock for {self.sku}"


def _as_result(order, created):
    return {"order_id": order.id, "ref": order.ref, "total_cents": order.total_cents, "created": created}


def _lookup(ref):
    with Session() as session:
        order = session.query(Order).filter(Order.ref == ref).one_or_none()
        return None if order is None else _as_result(order, False)


@app.task(bind=True, max_retries=3)
def place_order(self, ref, items):
    known = _lookup(ref)
    if known:
        return known
    try:
        with Session.begin() as session:
            order = Order(ref=ref, total_cents=0)
            session.add(order)
            session.flush()  # claims the ref now; a concurrent twin gets IntegrityError here
            for item in items:
                if session.execute(RESERVE, {"qty": item["qty"], "sku": item["sku"]}).rowcount != 1:
                    raise OutOfStock(item["sku"])
                unit = session.execute(PRICE, {"sku": item["sku"]}).scalar_one()
                session.add(OrderLine(order_id=order.id, sku=item["sku"], qty=item["qty"], price_cents=unit))
                order.total_cents += unit * item["qty"]
            payments.charge(ref, order.total_cents)
            placed = _as_result(order, True)
    except exc.IntegrityError:
        return _lookup(ref) or self.retry(countdown=0.5)
    except payments.PaymentTimeout as timeout:
        raise self.retry(exc=timeout, countdown=0.5)
    send_confirmation.apply_async((placed["order_id"],))
    return placed


@app.task
def send_confirmation(order_id):
    with Session.begin() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise LookupError(f"no committed order {order_id}")
        if not session.query(Confirmation).filter(Confirmation.order_id == order_id).count():
            session.add(Confirmation(order_id=order.id, total_cents=order.total_cents))
    return order_id


# ---- Given: helpers the grader uses to set up products and look at the database. ----

@app.task
def restock(sku, price_cents, stock):
    with Session.begin() as session:
        product = session.get(Product, sku)
        if product is None:
            session.add(Product(sku=sku, price_cents=price_cents, stock=stock))
        else:
            product.price_cents, product.stock = price_cents, stock
    return stock


@app.task
def get_stock(sku):
    with Session() as session:
        product = session.get(Product, sku)
        return None if product is None else product.stock


@app.task
def get_order(ref):
    with Session() as session:
        order = session.query(Order).filter_by(ref=ref).first()
        if order is None:
            return None
        confirmation = session.query(Confirmation).filter_by(order_id=order.id).first()
        return {
            "id": order.id,
            "ref": order.ref,
            "total_cents": order.total_cents,
            "lines": sorted(({"sku": line.sku, "qty": line.qty, "price_cents": line.price_cents} for line in order.lines),
                            key=lambda line: line["sku"]),
            "confirmation": None if confirmation is None else {"total_cents": confirmation.total_cents},
        }
