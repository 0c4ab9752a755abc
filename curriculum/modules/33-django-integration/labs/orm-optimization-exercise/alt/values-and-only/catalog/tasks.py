"""Alternative correct solution (module 33 ORM): book_report from values() rows and one tag query
grouped in Python, export_titles through only("title"), averages through values().annotate()."""
from collections import defaultdict

from celery import shared_task
from django.db.models import Avg, F

from .models import Book


@shared_task
def book_report(publisher_id):
    rows = list(Book.objects.filter(publisher_id=publisher_id).order_by("title").values("id", "title", "author__name"))
    tags = defaultdict(list)
    through = Book.tags.through.objects.filter(book_id__in=[row["id"] for row in rows]).values_list("book_id", "tag__name")
    for book_id, name in through:
        tags[book_id].append(name)
    return [{"title": row["title"], "author": row["author__name"], "tags": sorted(tags[row["id"]])} for row in rows]


@shared_task
def restock(publisher_id, amount):
    books = Book.objects.filter(publisher__pk=publisher_id)
    return books.update(stock=F("stock") + amount)


@shared_task
def average_ratings(publisher_id):
    rows = Book.objects.filter(publisher_id=publisher_id).values("title").annotate(mean=Avg("reviews__rating"))
    return {row["title"]: (round(row["mean"], 2) if row["mean"] is not None else None) for row in rows}


@shared_task
def export_titles(publisher_id):
    return [book.title for book in Book.objects.filter(publisher_id=publisher_id).only("title").order_by("title")]
