"""White-box tests for module 33's ORM exercise: they import the catalog tasks, run them in this
process against a fresh in-memory test database seeded here with data drawn from COURSEBOT_SEED
(so no answer can be written down in advance), and count the SQL queries each one runs (black-box
tests cannot see queries). They run as the learner's user."""
import os
import random

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

setup_test_environment()
connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

from catalog import tasks  # noqa: E402
from catalog.models import Author, Book, Publisher, Review, Tag  # noqa: E402

SEED = int(os.environ.get("COURSEBOT_SEED") or random.SystemRandom().randrange(2**31))
rng = random.Random(SEED)


def seed():
    """Seeds a publisher with random books (and another publisher); returns its pk and the books as data."""
    tags = [Tag.objects.create(name=f"tag-{rng.getrandbits(24):06x}") for _ in range(rng.randint(3, 6))]
    main, other = Publisher.objects.create(name="Orbit"), Publisher.objects.create(name="Tor")
    books = []
    for _ in range(rng.randint(8, 20)):
        title, author = f"Book {rng.getrandbits(32):08x}", f"Author {rng.getrandbits(16):04x}"
        chosen = rng.sample(tags, rng.randint(1, min(3, len(tags))))
        ratings = [rng.randint(1, 5) for _ in range(rng.choice([0, 1, 2, 3, 4]))]
        book = Book.objects.create(title=title, publisher=main, author=Author.objects.create(name=author),
                                   price=f"{rng.randint(5, 60)}.00", stock=rng.randint(0, 50), description="x" * 2000)
        book.tags.set(chosen)
        for rating in ratings:
            Review.objects.create(book=book, rating=rating)
        books.append({"title": title, "author": author, "tags": sorted(t.name for t in chosen), "ratings": ratings})
    books[rng.randrange(len(books))]["ratings"] = []  # at least one book without reviews
    Review.objects.filter(book__title__in=[b["title"] for b in books if not b["ratings"]]).delete()
    for title in ("Other A", "Other B"):
        book = Book.objects.create(title=title, publisher=other, author=Author.objects.create(name="Author 99"), price="5.00", stock=1)
        book.tags.set([tags[0]])
        Review.objects.create(book=book, rating=4)
    return main.pk, sorted(books, key=lambda b: b["title"])


MAIN, BOOKS = seed()


def run(task, *args):
    """Runs the task's function here (no broker) and returns (result, SQL of every query it ran)."""
    with CaptureQueriesContext(connection) as queries:
        result = task(*args)
    return result, [q["sql"] for q in queries.captured_queries]


def expected_report():
    return [{"title": b["title"], "author": b["author"], "tags": b["tags"]} for b in BOOKS]


def expected_averages():
    return {b["title"]: (round(sum(b["ratings"]) / len(b["ratings"]), 2) if b["ratings"] else None) for b in BOOKS}


def test_book_report_needs_at_most_3_queries():
    result, sql = run(tasks.book_report, MAIN)
    assert result == expected_report(), f"book_report returned the wrong report (seed {SEED})"
    assert len(sql) <= 3, f"book_report ran {len(sql)} queries for {len(BOOKS)} books (N+1: use select_related and prefetch_related)"


def test_restock_is_a_single_update():
    before = dict(Book.objects.values_list("title", "stock"))
    result, sql = run(tasks.restock, MAIN, 5)
    assert result == len(BOOKS), f"restock should return {len(BOOKS)}, the number of books changed (seed {SEED})"
    assert dict(Book.objects.filter(publisher_id=MAIN).values_list("title", "stock")) == {
        title: stock + 5 for title, stock in before.items() if not title.startswith("Other")}
    assert Book.objects.get(title="Other A").stock == 1, "restock changed another publisher's books"
    assert len(sql) <= 2, f"restock ran {len(sql)} queries (use queryset.update(stock=F('stock') + amount))"


def test_average_ratings_are_computed_by_the_database():
    result, sql = run(tasks.average_ratings, MAIN)
    assert result == expected_averages(), f"average_ratings returned {result}, expected {expected_averages()} (seed {SEED})"
    assert len(sql) <= 2, f"average_ratings ran {len(sql)} queries (annotate the queryset with Avg)"
    assert any("AVG(" in q.upper() for q in sql) and not any('FROM "catalog_review"' in q for q in sql), (
        "average_ratings loaded the reviews into Python: let the database average them (annotate with Avg)")


def test_export_titles_reads_only_the_titles():
    result, sql = run(tasks.export_titles, MAIN)
    assert result == [b["title"] for b in BOOKS], f"export_titles should return the sorted titles (seed {SEED})"
    assert len(sql) <= 2, f"export_titles ran {len(sql)} queries"
    assert not any("description" in q for q in sql), "export_titles loaded the description column"
