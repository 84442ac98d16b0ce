"""A loopback nginx serving the recorded bodies, and wrk to show what it can take.

One worker process on 127.0.0.1, keep-alive on, access log off: static files from a
temporary directory, so the server costs next to nothing per request and the clients'
own costs show. The routes answer only the requests the suite makes (a wrong page size
is a 400), so a harness mistake fails loudly instead of timing an error page.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks import bodies

SBIN_PATH = os.environ.get("PATH", "") + ":/usr/local/sbin:/usr/sbin:/sbin"

NGINX_CONF = """\
worker_processes 1;
worker_rlimit_nofile 65536;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 32768; }}
http {{
    access_log off;
    types {{ application/json json; }}
    default_type application/json;
    charset off;
    etag off;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 10000000;
    open_file_cache max=64 inactive=1h;
    open_file_cache_valid 1h;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        root {root}/bodies;
        location ~ "^/non-associations/[0-9]+$" {{
            try_files /{get_one} =404;
        }}
        location ~ "^/prisoner/[A-Za-z][0-9]{{4}}[A-Za-z]{{2}}/non-associations$" {{
            try_files /{prisoner_list} =404;
        }}
        # Static files cannot answer a POST: the 405 becomes a 200 with the recorded body.
        location = /non-associations/between {{
            limit_except POST {{ deny all; }}
            error_page 405 =200 /{between};
            return 405;
        }}
        location = /{between} {{ internal; }}
        location = /non-associations {{
            if ($arg_size != "{page_size}") {{ return 400; }}
            try_files /pages/$arg_page.json =400;
        }}
        location / {{ return 404; }}
    }}
}}
"""


@dataclass(frozen=True)
class Route:
    """One request the suite makes, and the recorded body it must get back."""

    name: str
    method: str
    path: str
    body_file: str
    request_body: bytes | None = None


def routes() -> list[Route]:
    """The requests both clients make, as the clients send them."""
    between = json.dumps(list(bodies.BETWEEN)).encode()
    flags = "includeOpen=true&includeClosed=false"
    return [
        Route("get one", "GET", f"/non-associations/{bodies.NON_ASSOCIATION_ID}", bodies.GET_ONE),
        Route(
            "prisoner list of 200",
            "GET",
            f"/prisoner/{bodies.PRISONER_NUMBER}/non-associations?{flags}"
            "&includeOtherPrisons=false&sortBy=WHEN_CREATED&sortDirection=DESC",
            bodies.PRISONER_LIST,
        ),
        Route(
            "between (POST)",
            "POST",
            f"/non-associations/between?{flags}",
            bodies.BETWEEN_LIST,
            between,
        ),
        Route(
            "one 200-item page",
            "GET",
            f"/non-associations?{flags}&page=0&size={bodies.PAGE_SIZE}",
            bodies.page_file(0),
        ),
    ]


def find_tool(name: str) -> str:
    """The path of nginx or wrk, or an error saying how to get it."""
    found = shutil.which(name, path=SBIN_PATH)
    if found is None:
        raise SystemExit(
            f"{name} is not installed: `make bench` installs nginx and wrk with apt-get when "
            f"run as root; otherwise run `apt-get install nginx wrk` first"
        )
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(port: int, route: Route) -> tuple[int, bytes, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        headers = {"Content-Type": "application/json"} if route.request_body else {}
        connection.request(route.method, route.path, body=route.request_body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("Content-Type", "")
    finally:
        connection.close()


@contextmanager
def nginx(root: Path) -> Iterator[str]:
    """Write the bodies and config under `root`, run nginx there; yields its base URL."""
    root.chmod(0o755)  # the worker runs as an unprivileged user when started as root
    written = bodies.write(root / "bodies")
    for directory, _, files in os.walk(root):
        Path(directory).chmod(0o755)
        for file in files:
            (Path(directory) / file).chmod(0o644)
    (root / "tmp").mkdir()
    port = free_port()
    config = root / "nginx.conf"
    config.write_text(
        NGINX_CONF.format(
            root=root,
            port=port,
            get_one=bodies.GET_ONE,
            prisoner_list=bodies.PRISONER_LIST,
            between=bodies.BETWEEN_LIST,
            page_size=bodies.PAGE_SIZE,
        )
    )
    command = [find_tool("nginx"), "-p", str(root), "-e", str(root / "error.log"), "-c"]
    process = subprocess.Popen([*command, str(config), "-g", "daemon off;"])
    try:
        _wait_ready(port, process)
        for route in routes():
            status, body, content_type = _fetch(port, route)
            if status != 200 or body != written[route.body_file]:
                raise RuntimeError(f"nginx answers {route.name} wrongly: {status}")
            if content_type != "application/json":
                raise RuntimeError(f"nginx sends {content_type!r} for {route.name}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start listening within 10 s")


WRK_POST = """\
wrk.method = "POST"
wrk.body = {body}
wrk.headers["Content-Type"] = "application/json"
"""


def wrk_capacity(base_url: str, root: Path, connections: int, seconds: float) -> dict[str, float]:
    """Requests/s nginx serves for each route with `connections` kept-alive connections."""
    found = {}
    for route in routes():
        command = [find_tool("wrk"), "-t1", f"-c{connections}", f"-d{seconds}s"]
        if route.request_body is not None:
            script = root / "post.lua"
            script.write_text(WRK_POST.format(body=json.dumps(route.request_body.decode())))
            command += ["-s", str(script)]
        output = subprocess.run(
            [*command, base_url + route.path], capture_output=True, text=True, check=True
        ).stdout
        if "Non-2xx" in output or "Socket errors" in output:
            raise RuntimeError(f"wrk saw errors on {route.name}:\n{output}")
        match = re.search(r"Requests/sec:\s+([0-9.]+)", output)
        if match is None:
            raise RuntimeError(f"no Requests/sec in wrk's output:\n{output}")
        found[route.name] = float(match.group(1))
    return found
