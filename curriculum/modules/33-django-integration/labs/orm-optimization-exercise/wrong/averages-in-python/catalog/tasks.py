"""Wrong on purpose: average_ratings prefetches every review and averages them in Python (two queries, but all reviews loaded)"""
from celery import shared_task
from django.db.models import Avg, F

from .models import Book


@shared_task
def book_report(publisher_id):
    """[{"title", "author", "tags": [sorted tag names]}, ...] for the publisher's books, by title."""
    books = (
        Book.objects.filter(publisher_id=publisher_id)
        .select_related("author")     # the author in the same query (JOIN)
        .prefetch_related("tags")     # every book's tags in one more query
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
    averages = {}
    for book in Book.objects.filter(publisher_id=publisher_id).only("title").prefetch_related("reviews"):
        ratings = [review.rating for review in book.reviews.all()]
        averages[book.title] = round(sum(ratings) / len(ratings), 2) if ratings else None
    return averages


@shared_task
def export_titles(publisher_id):
    """The titles of the publisher's books, sorted."""
    return list(Book.objects.filter(publisher_id=publisher_id).order_by("title").values_list("title", flat=True))
