"""Reference solution: module 21 lab, database transaction patterns."""
from celery import Celery
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

import payments
from db import Confirmation, Order, OrderLine, Product, Session, init_db
from payments import PaymentTimeout

# The broker and result backend come from CELERY_BROKER_URL and CELERY_RESULT_BACKEND.
app = Celery("tasks")
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])

init_db()


class OutOfStock(Exception):
    def __init__(self, sku):
        super().__init__(sku)  # every argument to super(), so the result backend can rebuild it
        self.sku = sku

    def __str__(self):
        return f"not enough stock for {self.sku}"


@app.task(autoretry_for=(PaymentTimeout,), max_retries=3, default_retry_delay=0.5)
def place_order(ref, items):
    """items: [{"sku": "A", "qty": 2}, ...] -> {"order_id", "ref", "total_cents", "created"}."""
    existing = _existing(ref)
    if existing is not None:
        return existing
    try:
        with Session.begin() as session:  # one transaction: commit at the end, roll back on any exception
            prices = {item["sku"]: session.execute(select(Product.price_cents).where(Product.sku == item["sku"])).scalar()
                      for item in items}
            payments.charge(ref, sum(item["qty"] * (prices[item["sku"]] or 0) for item in items))  # take the money first
            total = 0
            lines = []
            for item in items:
                # Reserve atomically: only succeeds while enough stock is left, whatever runs concurrently.
                changed = session.execute(
                    update(Product)
                    .where(Product.sku == item["sku"], Product.stock >= item["qty"])
                    .values(stock=Product.stock - item["qty"])
                    .execution_options(synchronize_session=False)
                ).rowcount
                if changed != 1:
                    raise OutOfStock(item["sku"])
                price = session.execute(select(Product.price_cents).where(Product.sku == item["sku"])).scalar_one()
                lines.append(OrderLine(sku=item["sku"], qty=item["qty"], price_cents=price))
                total += item["qty"] * price
            order = Order(ref=ref, total_cents=total, lines=lines)
            session.add(order)
            session.flush()  # the unique ref is checked here, before we charge anyone
            order_id = order.id
    except IntegrityError:
        # Another run inserted the same ref first (a concurrent duplicate): ours was rolled back.
        existing = _existing(ref)
        if existing is None:
            raise
        return existing
    send_confirmation.delay(order_id)  # only now is the order visible to other connections
    return {"order_id": order_id, "ref": ref, "total_cents": total, "created": True}


def _existing(ref):
    with Session() as session:
        order = session.query(Order).filter_by(ref=ref).first()
        if order is None:
            return None
        return {"order_id": order.id, "ref": ref, "total_cents": order.total_cents, "created": False}


@app.task
def send_confirmation(order_id):
    """Record the confirmation e-mail of a committed order (once per order), with its total."""
    with Session.begin() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise LookupError(f"order {order_id} does not exist (sent before its transaction committed?)")
        if session.query(Confirmation).filter_by(order_id=order_id).first() is None:
            session.add(Confirmation(order_id=order_id, total_cents=order.total_cents))
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
