"""ORM-heavy tasks of the catalog app (module 33 exercise). See README.md in this folder.

Each task returns the right answer already, but with far too many queries: make each one fast
without changing what it returns. Tasks receive primary keys, never model instances.
"""
from celery import shared_task

from .models import Book, Publisher


@shared_task
def book_report(publisher_id):
    """[{"title", "author", "tags": [sorted tag names]}, ...] for the publisher's books, by title."""
    # TODO 1: one query per book for the author and one per book for the tags (N+1 twice).
    #         Use select_related() and prefetch_related(): at most 3 queries in all.
    publisher = Publisher.objects.get(pk=publisher_id)
    report = []
    for book in Book.objects.filter(publisher=publisher).order_by("title"):
        report.append({
            "title": book.title,
            "author": book.author.name,
            "tags": sorted(tag.name for tag in book.tags.all()),
        })
    return report


@shared_task
def restock(publisher_id, amount):
    """Adds amount to the stock of every book of the publisher; returns how many books changed."""
    # TODO 2: one UPDATE per book, each after loading the whole row. Use a single
    #         queryset.update() with an F() expression: one query, and no lost updates when two
    #         workers restock at the same time.
    changed = 0
    for book in Book.objects.filter(publisher_id=publisher_id):
        book.stock = book.stock + amount
        book.save()
        changed += 1
    return changed


@shared_task
def average_ratings(publisher_id):
    """{title: average rating rounded to 2 places, or None without reviews} for the publisher's books."""
    # TODO 3: loads every review into Python. Let the database compute it: annotate() with Avg(),
    #         one query.
    averages = {}
    for book in Book.objects.filter(publisher_id=publisher_id):
        ratings = [review.rating for review in book.reviews.all()]
        averages[book.title] = round(sum(ratings) / len(ratings), 2) if ratings else None
    return averages


@shared_task
def export_titles(publisher_id):
    """The titles of the publisher's books, sorted."""
    # TODO 4: loads every column, the large description included, to use one. Fetch only the
    #         title (values_list("title", flat=True)): one query that does not read description.
    return sorted(book.title for book in Book.objects.filter(publisher_id=publisher_id))
