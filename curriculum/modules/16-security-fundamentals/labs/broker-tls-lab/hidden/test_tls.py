"""Hidden white-box tests for module 16's broker TLS lab.

There is no TLS Redis here, so the tests (1) read the configuration secure_app.make_app() loads and
(2) make real TLS handshakes with that configuration against a small TLS server in this process
that answers the Redis protocol's handshake commands (PING, SELECT, AUTH): it presents a
certificate from a CA made for the test and requires the client's certificate from the same CA.
"""
import datetime
import ipaddress
import os
import socket
import ssl
import tempfile
import threading
from urllib.parse import urlparse

import pytest
from celery.exceptions import ImproperlyConfigured
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject, key, issuer, issuer_key, ca=False, server=False):
    now = datetime.datetime.utcnow()
    builder = (
        x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if server:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _write(folder, name, item):
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        if isinstance(item, x509.Certificate):
            file.write(item.public_bytes(serialization.Encoding.PEM))
        else:
            file.write(item.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return path


def make_pki(ca_name):
    folder = tempfile.mkdtemp(prefix="tls-lab-")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate(ca_name, ca_key, ca_name, ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    client_key = ec.generate_private_key(ec.SECP256R1())
    return {
        "ca": _write(folder, "ca.pem", ca),
        "server": _write(folder, "server.pem", _certificate("localhost", server_key, ca_name, ca_key, server=True)),
        "server_key": _write(folder, "server.key", server_key),
        "client": _write(folder, "client.pem", _certificate("celery-client", client_key, ca_name, ca_key)),
        "client_key": _write(folder, "client.key", client_key),
    }


def _parse(buffer):
    """One RESP command (an array of bulk strings) from buffer: (command, rest) or (None, buffer)."""
    if not buffer.startswith(b"*") or b"\r\n" not in buffer:
        return None, buffer
    head, rest = buffer.split(b"\r\n", 1)
    items = []
    for _ in range(int(head[1:])):
        if b"\r\n" not in rest:
            return None, buffer
        size, rest = rest.split(b"\r\n", 1)
        length = int(size[1:])
        if len(rest) < length + 2:
            return None, buffer
        items.append(rest[:length])
        rest = rest[length + 2:]
    return items, rest


class TlsRedisStandIn:
    """Accepts TLS connections (server certificate from `pki`, client certificate required) and
    answers PING with PONG and any other command with OK."""

    def __init__(self, pki):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(pki["server"], pki["server_key"])
        self.context.load_verify_locations(pki["ca"])
        self.context.verify_mode = ssl.CERT_REQUIRED
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.clients = []  # common names of the client certificates seen
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            raw, _ = self.socket.accept()
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw):
        try:
            connection = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            raw.close()
            return
        subject = dict(item[0] for item in connection.getpeercert()["subject"])
        self.clients.append(subject.get("commonName"))
        buffer = b""
        try:
            while data := connection.recv(65536):
                buffer += data
                while True:
                    command, buffer = _parse(buffer)
                    if command is None:
                        break
                    connection.sendall(b"+PONG\r\n" if command[0].upper() == b"PING" else b"+OK\r\n")
        except (ssl.SSLError, OSError):
            pass
        finally:
            connection.close()


PKI = make_pki("CourseBot Test CA")
OTHER_PKI = make_pki("Some Other CA")
SERVER = TlsRedisStandIn(PKI)
STRANGER = TlsRedisStandIn(OTHER_PKI)  # its certificate comes from another CA

# The grader's own broker variables would win over the app's URLs: this app must build its own.
for variable in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
    os.environ.pop(variable, None)
os.environ.update(REDIS_HOST="localhost", REDIS_TLS_PORT=str(SERVER.port), TLS_CA_CERTS=PKI["ca"],
                  TLS_CERTFILE=PKI["client"], TLS_KEYFILE=PKI["client_key"])
os.environ.pop("REDIS_PASSWORD", None)

import secure_app  # noqa: E402  (after the environment is set: the module builds its app on import)


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("REDIS_HOST", "redis.internal")
    monkeypatch.setenv("REDIS_TLS_PORT", "6390")
    monkeypatch.setenv("REDIS_PASSWORD", "s3cret")
    return secure_app.make_app()


def test_the_broker_url_is_rediss_with_host_port_and_password(production):
    url = urlparse(production.conf.broker_url)
    assert (url.scheme, url.hostname, url.port, url.password, url.path) == ("rediss", "redis.internal", 6390, "s3cret", "/0")


def test_the_result_backend_is_rediss_on_database_1(production):
    url = urlparse(production.conf.result_backend)
    assert (url.scheme, url.hostname, url.port, url.password, url.path) == ("rediss", "redis.internal", 6390, "s3cret", "/1")


def test_broker_use_ssl_verifies_the_server_against_the_ca():
    options = secure_app.make_app().conf.broker_use_ssl or {}
    assert options.get("ssl_cert_reqs") == ssl.CERT_REQUIRED
    assert options.get("ssl_ca_certs") == PKI["ca"]


def test_broker_use_ssl_presents_the_client_certificate():
    options = secure_app.make_app().conf.broker_use_ssl or {}
    assert (options.get("ssl_certfile"), options.get("ssl_keyfile")) == (PKI["client"], PKI["client_key"])


def test_the_result_backend_uses_the_same_tls_settings():
    conf = secure_app.make_app().conf
    assert conf.redis_backend_use_ssl and dict(conf.redis_backend_use_ssl) == dict(conf.broker_use_ssl)


def test_only_json_is_accepted():
    conf = secure_app.make_app().conf
    accepted = (conf.task_serializer, list(conf.accept_content), list(conf.result_accept_content or []))
    assert accepted == ("json", ["json"], ["json"])


def test_a_missing_certificate_stops_the_app(monkeypatch):
    monkeypatch.setenv("TLS_CA_CERTS", "/nonexistent/ca.pem")
    with pytest.raises(ImproperlyConfigured, match="/nonexistent/ca.pem"):
        secure_app.make_app().conf.broker_use_ssl


def test_the_module_app_is_configured_too():
    assert secure_app.app.conf.broker_url.startswith("rediss://")


def test_the_broker_connects_over_tls_with_the_client_certificate():
    seen = len(SERVER.clients)
    with secure_app.make_app().connection_for_write() as connection:
        connection.ensure_connection(max_retries=1)
        connection.default_channel  # the Redis transport pings the server when it opens a channel
    assert SERVER.clients[seen:] and SERVER.clients[-1] == "celery-client"


def test_the_result_backend_connects_over_tls_too():
    seen = len(SERVER.clients)
    assert secure_app.make_app().backend.client.ping() is True
    assert SERVER.clients[seen:]


def test_a_server_with_a_certificate_from_another_ca_is_refused(monkeypatch):
    monkeypatch.setenv("REDIS_TLS_PORT", str(STRANGER.port))
    app = secure_app.make_app()
    with pytest.raises(Exception) as refused:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1)
            connection.default_channel
    assert "certificate" in str(refused.value).lower() or "ssl" in str(refused.value).lower(), refused.value
