"""Precompressed copies for nginx's `gzip_static`: `x.html.gz` beside `x.html`.

nginx then sends the file compressed at the highest level without spending
CPU on each request (macros/afterbuild/nginx/routekaart.conf). Only for a deployment
(the editions command, `python -m macros.editions`, does it last): the
copies are host files, outside the offline copy and the `_headers` rules,
so it runs after every other step.

    python -m macros.afterbuild.precompress SITE_DIR
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

# What a browser fetches as text; images, fonts and the zip are compressed already.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
MIN_BYTES = 256  # as gzip_min_length: smaller files gain nothing


def precompress(site: Path) -> int:
    """Write or refresh `.gz` beside every compressible file; return how many."""
    count = 0
    for path in sorted(Path(site).rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        # mtime=0: the same site gives the same bytes.
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        target = path.with_name(path.name + ".gz")
        if not target.exists() or target.read_bytes() != packed:
            target.write_bytes(packed)
        count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "index.html").is_file():
        sys.exit("usage: python -m macros.afterbuild.precompress SITE_DIR (a built site)")
    print(f"{precompress(Path(sys.argv[1]))} files precompressed")
