"""Hidden tests for module 33's ORM exercise: the tasks run on the real worker (`-A proj`) against
the database the setup step seeded (publisher 1 with 12 books, publisher 2 with 2)."""
from coursebot_lab import call, registered

NAMES = {"catalog.tasks.book_report", "catalog.tasks.restock", "catalog.tasks.average_ratings", "catalog.tasks.export_titles"}


def test_the_catalog_tasks_are_registered():
    assert NAMES <= registered()


def test_book_report_on_the_worker():
    report = call("catalog.tasks.book_report", 1, timeout=10)
    assert len(report) == 12
    assert report[0] == {"title": "Book 01", "author": "Author 01", "tags": ["tag-1", "tag-2"]}


def test_restock_on_the_worker():
    assert call("catalog.tasks.restock", 2, 5, timeout=10) == 2


def test_average_ratings_on_the_worker():
    averages = call("catalog.tasks.average_ratings", 1, timeout=10)
    assert averages["Book 01"] == round((2 + 4 + 5) / 3, 2) and averages["Book 12"] is None


def test_export_titles_on_the_worker():
    assert call("catalog.tasks.export_titles", 2, timeout=10) == ["Other A", "Other B"]
