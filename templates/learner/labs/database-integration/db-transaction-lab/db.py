"""The shop's database: SQLite in this folder, through SQLAlchemy. Given: you do not need to change it."""
import os

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, create_engine, func
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

DATABASE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shop.db")

# timeout: how long a connection waits for another one's write lock before "database is locked".
engine = create_engine(f"sqlite:///{DATABASE_FILE}", connect_args={"timeout": 30})
Session = sessionmaker(bind=engine)
Base = declarative_base()


class Product(Base):
    __tablename__ = "products"
    sku = Column(String, primary_key=True)
    price_cents = Column(Integer, nullable=False)
    stock = Column(Integer, nullable=False)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    ref = Column(String, unique=True, nullable=False)  # the client's idempotency key
    total_cents = Column(Integer, nullable=False, default=0)
    created_at = Column(DateTime, server_default=func.now())
    lines = relationship("OrderLine", back_populates="order", cascade="all, delete-orphan")


class OrderLine(Base):
    __tablename__ = "order_lines"
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id"), nullable=False)
    sku = Column(String, ForeignKey("products.sku"), nullable=False)
    qty = Column(Integer, nullable=False)
    price_cents = Column(Integer, nullable=False)
    order = relationship("Order", back_populates="lines")


class Confirmation(Base):
    __tablename__ = "confirmations"
    id = Column(Integer, primary_key=True)
    order_id = Column(Integer, ForeignKey("orders.id"), unique=True, nullable=False)
    total_cents = Column(Integer, nullable=False)
    sent_at = Column(DateTime, server_default=func.now())


def init_db():
    Base.metadata.create_all(engine)
