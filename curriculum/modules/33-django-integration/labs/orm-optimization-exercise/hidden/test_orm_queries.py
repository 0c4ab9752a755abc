"""White-box tests for module 33's ORM exercise: they import the catalog tasks, run them in this
process against a fresh in-memory test database seeded here, and count the SQL queries each one
runs (black-box tests cannot see queries). They run as the learner's user."""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

setup_test_environment()
connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

from catalog import tasks  # noqa: E402
from catalog.models import Author, Book, Publisher, Review, Tag  # noqa: E402

BOOKS = 12


def seed():
    tags = [Tag.objects.create(name=f"tag-{i}") for i in range(4)]
    main, other = Publisher.objects.create(name="Orbit"), Publisher.objects.create(name="Tor")
    for i in range(1, BOOKS + 1):
        book = Book.objects.create(title=f"Book {i:02}", publisher=main, author=Author.objects.create(name=f"Author {i:02}"),
                                   price=f"{10 + i}.00", stock=i, description="x" * 2000)
        book.tags.set([tags[i % 4], tags[(i + 1) % 4]])
        if i < BOOKS:
            for rating in (i % 5 + 1, (i + 2) % 5 + 1, 5):
                Review.objects.create(book=book, rating=rating)
    for title in ("Other A", "Other B"):
        book = Book.objects.create(title=title, publisher=other, author=Author.objects.create(name="Author 99"), price="5.00", stock=1)
        book.tags.set([tags[0]])
        Review.objects.create(book=book, rating=4)
    return main.pk


MAIN = seed()


def run(task, *args):
    """Runs the task's function here (no broker) and returns (result, SQL of every query it ran)."""
    with CaptureQueriesContext(connection) as queries:
        result = task(*args)
    return result, [q["sql"] for q in queries.captured_queries]


def expected_report():
    return [{"title": f"Book {i:02}", "author": f"Author {i:02}", "tags": sorted([f"tag-{i % 4}", f"tag-{(i + 1) % 4}"])}
            for i in range(1, BOOKS + 1)]


def expected_averages():
    return {f"Book {i:02}": (round((i % 5 + 1 + (i + 2) % 5 + 1 + 5) / 3, 2) if i < BOOKS else None) for i in range(1, BOOKS + 1)}


def test_book_report_needs_at_most_3_queries():
    result, sql = run(tasks.book_report, MAIN)
    assert result == expected_report()
    assert len(sql) <= 3, f"book_report ran {len(sql)} queries for {BOOKS} books (N+1: use select_related and prefetch_related)"


def test_restock_is_a_single_update():
    before = dict(Book.objects.values_list("title", "stock"))
    result, sql = run(tasks.restock, MAIN, 5)
    assert result == BOOKS
    assert dict(Book.objects.filter(publisher_id=MAIN).values_list("title", "stock")) == {
        title: stock + 5 for title, stock in before.items() if title.startswith("Book")}
    assert Book.objects.get(title="Other A").stock == 1, "restock changed another publisher's books"
    assert len(sql) <= 2, f"restock ran {len(sql)} queries (use queryset.update(stock=F('stock') + amount))"


def test_average_ratings_are_computed_by_the_database():
    result, sql = run(tasks.average_ratings, MAIN)
    assert result == expected_averages()
    assert len(sql) <= 2, f"average_ratings ran {len(sql)} queries (annotate the queryset with Avg)"


def test_export_titles_reads_only_the_titles():
    result, sql = run(tasks.export_titles, MAIN)
    assert result == [f"Book {i:02}" for i in range(1, BOOKS + 1)]
    assert len(sql) <= 2, f"export_titles ran {len(sql)} queries"
    assert not any("description" in q for q in sql), "export_titles loaded the description column"
