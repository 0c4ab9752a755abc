"""Alternative solution: pytest's monkeypatch and hand-written fakes instead of unittest.mock, tests in classes,
the tasks run through .apply() (eager, in this process) where that reads well."""
import pytest
from celery.exceptions import Retry

import tasks


class Recorder:
    """A stand-in that remembers every call and answers with `result` (or raises it, if it is an exception)."""

    def __init__(self, result=None):
        self.calls = []
        self.result = result

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result


class TestAdd:
    @pytest.mark.parametrize(("x", "y", "total"), [(2, 3, 5), (10, -4, 6), (0, 7, 7)])
    def test_sums(self, x, y, total):
        assert tasks.add.apply(args=(x, y)).get() == total


class TestNormalizeEmail:
    def test_trims_and_lowers(self):
        assert tasks.normalize_email("\t Carla.Diaz@Mail.EXAMPLE.org  ") == "carla.diaz@mail.example.org"

    @pytest.mark.parametrize("bad", ["carla.example.org", "carla@", "carla@  "])
    def test_refuses(self, bad):
        with pytest.raises(ValueError):
            tasks.normalize_email(bad)


class TestFetchPrice:
    def test_two_decimals_for_the_asked_symbol(self, monkeypatch):
        quote = Recorder(99.987)
        monkeypatch.setattr(tasks.pricing, "get_price", quote)
        assert tasks.fetch_price("XYZ") == pytest.approx(99.99)
        assert quote.calls == [(("XYZ",), {})]

    def test_retry_in_five_seconds(self, monkeypatch):
        down = ConnectionError("no route")
        monkeypatch.setattr(tasks.pricing, "get_price", Recorder(down))
        retry = Recorder(Retry())
        monkeypatch.setattr(tasks.fetch_price, "retry", retry)
        with pytest.raises(Retry):
            tasks.fetch_price("XYZ")
        assert len(retry.calls) == 1
        args, kwargs = retry.calls[0]
        assert args == ()
        assert kwargs["exc"] is down
        assert kwargs["countdown"] == 5


class TestSendWelcome:
    def test_one_mail_to_the_clean_address(self, monkeypatch):
        outbox = Recorder()
        monkeypatch.setattr(tasks.mailer, "send", outbox)
        assert tasks.send_welcome("  Eve@Example.NET") == "eve@example.net"
        assert len(outbox.calls) == 1
        assert outbox.calls[0][0][0] == "eve@example.net"
