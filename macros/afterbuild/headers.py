"""Security headers for static hosts, generated from the built site.

The Content-Security-Policy allows scripts only from the site itself plus the
exact inline scripts the built pages carry (Material's small bootstrap
snippets), by their sha256 hash: no 'unsafe-inline' for scripts. The same
headers are written twice, for the two common ways to host a static site:

- `_headers`: Netlify and Cloudflare Pages read it from the published folder
  (and do not serve it);
- `nginx-security-headers.conf`: `add_header` lines to `include` in an nginx
  `server` block. It sits in the built folder so it travels with the build;
  deploy it next to the site rather than in the served folder.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

HEADERS_FILE = "_headers"
NGINX_FILE = "nginx-security-headers.conf"
GENERATED_FILES = (HEADERS_FILE, NGINX_FILE)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.I)
_DATA_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?application/(?:ld\+)?json["']?""", re.I)

# Nothing a professional types may leave the device: no other origin is
# allowed for anything, and the site may not be framed or post forms away.
PERMISSIONS = ("accelerometer", "autoplay", "bluetooth", "camera", "display-capture",
               "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi",
               "payment", "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking")


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP sources (`'sha256-...'`) of every inline script in the built HTML.

    Scripts with `src` are covered by 'self'; JSON data blocks are not run,
    so CSP does not apply to them.
    """
    hashes: set[str] = set()
    for page in sorted(Path(site_dir).rglob("*.html")):
        for match in _SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs, body = match.groups()
            if _SRC.search(attrs) or _DATA_TYPE.search(attrs):
                continue
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(site_dir: Path) -> dict[str, str]:
    """Header name -> value for every response of the site."""
    return {
        "Content-Security-Policy": content_security_policy(inline_script_hashes(site_dir)),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": ", ".join(f"{p}=()" for p in PERMISSIONS),
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


def netlify_headers(headers: dict[str, str]) -> str:
    lines = ["# Security headers for Netlify and Cloudflare Pages; generated at build time.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def nginx_headers(headers: dict[str, str]) -> str:
    lines = ["# Security headers for nginx: `include` this file in the site's server block.",
             "# Generated at build time; a location block with its own add_header needs it too."]
    for name, value in headers.items():
        if '"' in value:
            raise ValueError(f"header {name} contains a double quote: {value}")
        lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"


def write_security_headers(site_dir: Path) -> dict[str, str]:
    """Write `_headers` and the nginx snippet into the built site; return the headers."""
    site_dir = Path(site_dir)
    headers = security_headers(site_dir)
    (site_dir / HEADERS_FILE).write_text(netlify_headers(headers), encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_headers(headers), encoding="utf-8")
    return headers
