"""Alternative solution: shared fixtures. The worker fixture lives in test_integration.py itself; here
only the order and a call recorder (instead of unittest.mock)."""
import pytest


class Calls:
    """Records calls; answers each with the next of `answers` (raising it when it is an exception)."""

    def __init__(self, *answers):
        self.seen = []
        self.answers = list(answers)

    def __call__(self, *args):
        self.seen.append(args)
        answer = self.answers.pop(0) if len(self.answers) > 1 else (self.answers[0] if self.answers else None)
        if isinstance(answer, BaseException):
            raise answer
        return answer


@pytest.fixture
def order():
    return {"id": "o-77", "sku": "PEN", "quantity": 7, "price": 1.1049, "email": "Zoe@Example.org"}


@pytest.fixture
def calls():
    return Calls
