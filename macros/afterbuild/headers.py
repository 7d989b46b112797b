"""Security headers for static hosts, generated from the built site.

The Content-Security-Policy allows scripts only from the site itself plus the
exact inline scripts the built pages carry (Material's small bootstrap
snippets), by their sha256 hash: no 'unsafe-inline' for scripts. The same
headers are written twice, for the two common ways to host a static site:

- `_headers`: Netlify and Cloudflare Pages read it from the published folder
  (and do not serve it);
- `nginx-security-headers.conf`: `map` and `add_header` lines to `include` in
  nginx's `http` block. It sits in the built folder so it travels with the
  build; deploy it next to the site rather than in the served folder.

Every response carries the headers that apply to any file
(`X-Content-Type-Options`, `Referrer-Policy`, which also governs what a
stylesheet loads). The policy for what runs (CSP, Permissions-Policy,
Cross-Origin-Opener-Policy, X-Frame-Options) travels only with documents (HTML,
and SVG and XML, which a browser can open as a page) and with worker scripts,
whose CSP comes from their own response: the service worker and Material's
search worker. Scripts, styles and images do not need it, and on a first visit
a slow phone would download it a dozen times. nginx decides by the URI it
finally serves (`error_page 404 /404.html` gives the 404 page the whole
policy); `_headers` can only name paths, so its rules list every document and
its pretty URL, and a not-found page served at an unknown address inside an
asset folder (`/assets/x`) gets the small set there.

Strict-Transport-Security (HSTS) goes with every response over HTTPS only
(RFC 6797: a browser ignores it over plain HTTP). Netlify and Cloudflare Pages
serve HTTPS, so `_headers` always sends it; nginx sends it when the request
came in over HTTPS, to nginx itself or (by `X-Forwarded-Proto`) to the proxy
in front of it, as in a container behind the host's TLS proxy.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from ..sitefiles import HEADERS_FILE, HOST_FILES, NGINX_FILE

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


# Responses that get the document policy, by path: pages, SVG and XML (a
# browser opens them as documents that may run script), worker scripts, and a
# folder's URL (its index page, or the server's own page when it has none).
DOCUMENT = re.compile(r"(\.(html|svg|xml)|/sw\.js|/workers/[^/]+\.js|/)$")


def is_document(path: str) -> bool:
    """Whether the file at `path` (relative to the site root) gets the document policy."""
    return bool(DOCUMENT.search("/" + path.lstrip("/")))


def every_response_headers() -> dict[str, str]:
    """Header name -> value for every response of the site."""
    return {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


# One year: what the Dutch government's guidance (Forum Standaardisatie) asks
# for. No includeSubDomains: an edition may live on a host whose other
# subdomains are not this site's to decide for.
HSTS = ("Strict-Transport-Security", "max-age=31536000")


def document_headers(site_dir: Path) -> dict[str, str]:
    """Header name -> value sent, besides those above, with documents and worker scripts."""
    return {
        "Content-Security-Policy": content_security_policy(inline_script_hashes(site_dir)),
        "Permissions-Policy": ", ".join(f"{p}=()" for p in PERMISSIONS),
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    }


def document_rules(site_dir: Path) -> list[str]:
    """`_headers` paths that cover every document of the site: a folder that
    holds documents only as `/folder/*`, other documents one by one. A page
    is also listed without `.html` (and an index as its folder), the URLs
    under which Cloudflare Pages and Netlify's pretty URLs serve it."""
    site_dir = Path(site_dir)
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                   if p.is_file() and p.name not in HOST_FILES)
    folders = {f.rsplit("/", 1)[0] for f in files if "/" in f}
    whole = sorted(d for d in folders
                   if all(is_document(f) for f in files if f.startswith(d + "/"))
                   and not any(d.startswith(o + "/") for o in folders
                               if all(is_document(f) for f in files if f.startswith(o + "/"))))
    rules = [f"/{d}/*" for d in whole]
    for f in files:
        if not is_document(f) or any(f.startswith(d + "/") for d in whole):
            continue
        rules.append(f"/{f}")
        if f.endswith(".html"):
            stem = f[:-len(".html")]
            rules.append("/" + (stem[:-len("index")] if stem.split("/")[-1] == "index" else stem))
    return rules


def netlify_headers(every: dict[str, str], documents: dict[str, str], rules: list[str]) -> str:
    """Netlify and Cloudflare give a response the headers of every rule its
    path matches, so the two sets do not share a header name."""
    lines = ["# Security headers for Netlify and Cloudflare Pages; generated at build time.",
             "# Every response (both hosts serve HTTPS only, so HSTS too):", "/*"]
    lines += [f"  {name}: {value}" for name, value in {**every, HSTS[0]: HSTS[1]}.items()]
    lines.append("# Documents and worker scripts, besides the above:")
    for rule in rules:
        lines.append(rule)
        lines += [f"  {name}: {value}" for name, value in documents.items()]
    return "\n".join(lines) + "\n"


def nginx_headers(every: dict[str, str], documents: dict[str, str]) -> str:
    """`map` is allowed only in nginx's http block; an empty value sends no header."""
    lines = ["# Security headers for nginx: `include` this file in the http block.",
             "# Generated at build time. A server or location block with its own add_header",
             "# loses these: repeat them there.",
             "map $uri $rk_document {",
             "    default 0;",
             f'    "~{DOCUMENT.pattern}" 1;',
             "}"]
    for name, value in {**every, **documents}.items():
        if '"' in value:
            raise ValueError(f"header {name} contains a double quote: {value}")
    for name, value in documents.items():
        var = "$rk_" + name.lower().replace("-", "_")
        lines += [f"map $rk_document {var} {{", f'    1 "{value}";', '    default "";', "}"]
    lines += ["# HSTS over HTTPS only: to nginx, or to a TLS proxy in front of it.",
              'map "$scheme:$http_x_forwarded_proto" $rk_hsts {',
              '    "~^https:|:https$" "' + HSTS[1] + '";',
              '    default "";',
              "}"]
    lines += [f'add_header {name} "{value}" always;' for name, value in every.items()]
    lines += [f"add_header {name} $rk_{name.lower().replace('-', '_')} always;" for name in documents]
    lines.append(f"add_header {HSTS[0]} $rk_hsts always;")
    return "\n".join(lines) + "\n"


def write_security_headers(site_dir: Path) -> dict[str, str]:
    """Write `_headers` and the nginx snippet into the built site; return the
    headers of a document (all of them)."""
    site_dir = Path(site_dir)
    every, documents = every_response_headers(), document_headers(site_dir)
    (site_dir / HEADERS_FILE).write_text(netlify_headers(every, documents, document_rules(site_dir)),
                                         encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_headers(every, documents), encoding="utf-8")
    return {**every, **documents}
