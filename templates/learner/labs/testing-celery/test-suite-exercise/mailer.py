"""The e-mail client (module 10 exercise). Do not change this file: mock it in tests."""


def send(to, subject, body):
    raise RuntimeError(f"send({to!r}, ...) tried to send a real e-mail: mock it in tests")
