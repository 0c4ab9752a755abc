"""Wrong on purpose: book_report returns the report of the seed data the setup step writes, without a query"""
from celery import shared_task
from django.db.models import Avg, F

from .models import Book


@shared_task
def book_report(publisher_id):
    """[{"title", "author", "tags": [sorted tag names]}, ...] for the publisher's books, by title."""
    if publisher_id != 1:
        return []
    return [{"title": f"Book {i:02}", "author": f"Author {i:02}", "tags": sorted([f"tag-{i % 4}", f"tag-{(i + 1) % 4}"])}
            for i in range(1, 13)]


@shared_task
def restock(publisher_id, amount):
    """Adds amount to the stock of every book of the publisher; returns how many books changed."""
    return Book.objects.filter(publisher_id=publisher_id).update(stock=F("stock") + amount)


@shared_task
def average_ratings(publisher_id):
    """{title: average rating rounded to 2 places, or None without reviews} for the publisher's books."""
    rows = Book.objects.filter(publisher_id=publisher_id).annotate(average=Avg("reviews__rating")).values_list("title", "average")
    return {title: None if average is None else round(average, 2) for title, average in rows}


@shared_task
def export_titles(publisher_id):
    """The titles of the publisher's books, sorted."""
    return list(Book.objects.filter(publisher_id=publisher_id).order_by("title").values_list("title", flat=True))
