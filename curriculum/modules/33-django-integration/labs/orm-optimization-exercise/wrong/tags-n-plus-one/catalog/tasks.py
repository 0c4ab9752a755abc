"""Wrong on purpose: book_report joins the author but still loads each book's tags with a query of its own"""
from celery import shared_task
from django.db.models import Avg, F

from .models import Book


@shared_task
def book_report(publisher_id):
    """[{"title", "author", "tags": [sorted tag names]}, ...] for the publisher's books, by title."""
    books = (
        Book.objects.filter(publisher_id=publisher_id)
        .select_related("author")     # the author in the same query (JOIN)
        .only("title", "author__name")
        .order_by("title")
    )
    return [
        {"title": book.title, "author": book.author.name, "tags": sorted(tag.name for tag in book.tags.all())}
        for book in books
    ]


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
