"""Serve a built site through a real nginx (Debian's package), as a host would:
with the generated security headers included and gzip on.

Used by the CSP test and by the benchmark. nginx runs in the foreground as a
child process on a free port of 127.0.0.1 and is stopped by `stop()`.

With `production=True` the server is the production configuration itself
(macros/afterbuild/nginx/routekaart.conf: caching, precompressed files, the editions'
404 pages), with only its host paths and port put in.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

MIME_TYPES = "/etc/nginx/mime.types"
PRODUCTION_CONF = Path(__file__).resolve().parents[2] / "macros" / "afterbuild" / "nginx" / "routekaart.conf"

# What every test server shares: one worker in the foreground, files in a
# temporary folder, nginx's MIME types.
_HEAD = """\
{user}
daemon off;
worker_processes 1;
error_log {tmp}/error.log warn;
pid {tmp}/nginx.pid;
events {{ worker_connections 64; }}
"""
_TEMP_PATHS = """\
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
"""

CONFIG = _HEAD + """\
http {{
    include {mime_types};
    types {{ application/manifest+json webmanifest; }}
    default_type application/octet-stream;
    log_format bytes '$bytes_sent $status $request_uri';
    access_log {access_log};
""" + _TEMP_PATHS + """\
    gzip on;
    gzip_comp_level 6;  # what common hosts use; nginx defaults to 1
    gzip_min_length 256;
    gzip_types text/css application/javascript application/json application/manifest+json
               image/svg+xml text/xml text/plain;
    # The site's headers (maps and add_header lines) belong in the http block.
    include {root}/nginx-security-headers.conf;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        error_page 404 /404.html;
        # The snippet is for the host's configuration, not for visitors.
        location = /nginx-security-headers.conf {{ return 404; }}
        location = /_headers {{ return 404; }}
    }}
}}
"""


# The production configuration's http block, around macros/afterbuild/nginx/routekaart.conf.
PRODUCTION = _HEAD + """\
http {{
    include {mime_types};
    default_type application/octet-stream;
""" + _TEMP_PATHS + """\
    log_format bytes '$bytes_sent $status $request_uri';
    include {tmp}/routekaart.conf;
}}
"""


def production_conf(root: Path, port: int, access_log: str | None = None) -> str:
    """macros/afterbuild/nginx/routekaart.conf with this machine's paths and port: the
    host files are read from the built folder itself; `access_log`: a log
    instead of none (the benchmark counts bytes with it)."""
    text = PRODUCTION_CONF.read_text(encoding="utf-8")
    changes = [("/etc/routekaart/", f"{root}/"), ("listen 8080;", f"listen 127.0.0.1:{port};"),
               ("root /srv/routekaart;", f"root {root};")]
    if access_log:
        changes.append(("access_log off;", f"access_log {access_log};"))
    for old, new in changes:
        if old not in text:
            raise RuntimeError(f"{PRODUCTION_CONF}: '{old}' is gone; update tests/support/nginx_server.py")
        text = text.replace(old, new)
    return text


def nginx_path() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/bin/nginx") if Path(p).exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, root: Path, tmp: Path, log_requests: bool = False, production: bool = False):
        self.root = Path(root)
        self.tmp = Path(tmp)
        self.production = production
        # With log_requests, every response's size on the wire (after gzip,
        # with headers) goes to `access_log`, one line each: bytes status uri.
        self.access_log = self.tmp / "access.log" if log_requests else None
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Nginx":
        binary = nginx_path()
        if binary is None:
            raise RuntimeError("nginx not found: run 'make test', which installs Debian's nginx")
        self.tmp.mkdir(parents=True, exist_ok=True)
        conf = self.tmp / "nginx.conf"
        # As root, nginx workers would switch to 'nobody', who cannot read
        # pytest's private temporary folders.
        user = "user root;" if os.geteuid() == 0 else ""
        access_log = f"{self.access_log} bytes" if self.access_log else "off"
        if self.production:
            (self.tmp / "routekaart.conf").write_text(
                production_conf(self.root, self.port, self.access_log and f"{self.access_log} bytes"),
                encoding="utf-8")
            conf.write_text(PRODUCTION.format(user=user, tmp=self.tmp, mime_types=MIME_TYPES), encoding="utf-8")
        else:
            conf.write_text(CONFIG.format(user=user, tmp=self.tmp, mime_types=MIME_TYPES, access_log=access_log,
                                          port=self.port, root=self.root), encoding="utf-8")
        self.process = subprocess.Popen([binary, "-c", str(conf), "-p", str(self.tmp)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start listening within 10 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
