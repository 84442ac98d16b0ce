"""A forward proxy on 127.0.0.1 for the connection tests, as a corporate proxy would be.

It tunnels `CONNECT host:port` byte for byte (HTTPS: it sees only the target and the
encrypted bytes), forwards absolute-form plain HTTP (`GET http://host:port/path`) to
the origin, and records what it saw: each request's method, target and
`Proxy-Authorization`, and, for tunnels, the bytes it relayed. With `refuse` set it
answers every request with that status instead (407, 403), as a proxy turning a
client away does.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import socketserver
import threading
import urllib.parse
from http import HTTPStatus
from typing import Any

import attrs

# Hop-by-hop headers: for the proxy itself, never passed on.
_HOP = {"proxy-authorization", "proxy-connection", "connection", "keep-alive", "te"}


@attrs.frozen
class Visit:
    """One request the proxy read: `CONNECT` with `host:port`, or a method with the
    absolute URL; `authorization` is its `Proxy-Authorization` header, if any."""

    method: str
    target: str
    authorization: str | None


class ForwardProxy:
    """A threaded forward proxy; `url` is where it listens, `visits` what it was asked,
    `tunnelled` the bytes clients sent through its tunnels (TLS records, if the client
    spoke TLS), and `tunnelled_back` how many bytes came back through them."""

    def __init__(self, refuse: int | None = None) -> None:
        self.refuse = refuse
        self.visits: list[Visit] = []
        self.tunnelled = bytearray()
        self.tunnelled_back = 0
        self._lock = threading.Lock()
        proxy = self

        class Handler(socketserver.StreamRequestHandler):
            rbufsize = 0  # unbuffered: a tunnel must not lose bytes read ahead

            def handle(self) -> None:
                while (head := _read_head(self.rfile)) is not None:
                    method, target, headers = head
                    proxy._record(Visit(method, target, headers.get("proxy-authorization")))
                    if proxy.refuse is not None:
                        self.wfile.write(_refusal(proxy.refuse))
                        return
                    if method == "CONNECT":
                        proxy._tunnel(self.connection, target)
                        return
                    if not _forward(self.rfile, self.wfile, method, target, headers):
                        return

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()

    @property
    def targets(self) -> list[str]:
        """What each request named: `host:port` for a tunnel, else the absolute URL."""
        with self._lock:
            return [visit.target for visit in self.visits]

    def _record(self, visit: Visit) -> None:
        with self._lock:
            self.visits.append(visit)

    def _tunnel(self, client: socket.socket, target: str) -> None:
        host, _, port = target.rpartition(":")
        try:
            upstream = socket.create_connection((host.strip("[]"), int(port)), timeout=5)
        except OSError:
            client.sendall(_refusal(502))
            return
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        back = threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True)
        back.start()
        self._pump(client, upstream, True)
        back.join(timeout=5)
        upstream.close()

    def _pump(self, source: socket.socket, sink: socket.socket, outbound: bool) -> None:
        """Copy one direction of a tunnel until it ends, then end it on the other side."""
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                with self._lock:
                    if outbound:
                        self.tunnelled += data
                    else:
                        self.tunnelled_back += len(data)
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _read_head(rfile: Any) -> tuple[str, str, dict[str, str]] | None:
    """The request line's method and target, and the headers (names lower-case)."""
    line = rfile.readline(65537)
    if not line.strip():
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while (header := rfile.readline(65537).decode("latin-1").strip()) != "":
        name, _, value = header.partition(":")
        headers[name.strip().lower()] = value.strip()
    return method, target, headers


def _read_exactly(rfile: Any, size: int) -> bytes:
    data = b""
    while len(data) < size and (chunk := rfile.read(size - len(data))):
        data += chunk
    return data


def _refusal(status: int) -> bytes:
    phrase = HTTPStatus(status).phrase
    extra = 'Proxy-Authenticate: Basic realm="proxy"\r\n' if status == 407 else ""
    return (
        f"HTTP/1.1 {status} {phrase}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
    ).encode("ascii")


def _forward(rfile: Any, wfile: Any, method: str, target: str, headers: dict[str, str]) -> bool:
    """Send an absolute-form request on to its origin and its reply back; False when
    the client's connection should close."""
    url = urllib.parse.urlsplit(target)
    if url.scheme != "http" or not url.hostname:
        wfile.write(_refusal(400))
        return False
    body = _read_exactly(rfile, int(headers.get("content-length") or 0))
    origin = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=5)
    try:
        path = url.path + (f"?{url.query}" if url.query else "")
        sent = {name: value for name, value in headers.items() if name not in _HOP}
        origin.request(method, path, body or None, sent)
        reply = origin.getresponse()
        content = reply.read()
    except OSError:
        wfile.write(_refusal(502))
        return False
    finally:
        origin.close()
    head = [f"HTTP/1.1 {reply.status} {reply.reason}"]
    head += [
        f"{name}: {value}"
        for name, value in reply.getheaders()
        if name.lower() not in _HOP | {"content-length", "transfer-encoding"}
    ]
    head.append(f"Content-Length: {len(content)}")
    wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + content)
    return headers.get("connection", "").lower() != "close"
