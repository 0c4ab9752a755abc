"""The e-mail client (module 10 lab). Do not change this file.

send would deliver a real e-mail. Unit tests must replace it with a mock.
"""


def send(to, subject, body):
    raise RuntimeError(f"send({to!r}, ...) tried to send a real e-mail: mock it in unit tests")
