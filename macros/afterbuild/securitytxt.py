"""/.well-known/security.txt (RFC 9116): where to report a security problem.

Written only when the edition names a maintainer to contact (a Contact line
is required). Expires lies less than a year after the build, as the RFC
advises; a build at least once a year keeps it current.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..sitefiles import SECURITY_TXT

# The RFC advises an Expires less than a year ahead.
GELDIG = timedelta(days=364)


def security_txt(contacts: list[str], site_url: str | None, now: datetime) -> str:
    expires = (now.astimezone(timezone.utc) + GELDIG).replace(microsecond=0)
    lines = [f"Contact: {c}" for c in contacts]
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("Preferred-Languages: nl, en")
    if site_url:
        lines.append(f"Canonical: {site_url}{SECURITY_TXT}")
    return "\n".join(lines) + "\n"


def write_security_txt(site: Path, contacts: list[str], site_url: str | None,
                       now: datetime | None = None) -> None:
    path = Path(site) / SECURITY_TXT
    if not contacts:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(exist_ok=True)
    path.write_text(security_txt(contacts, site_url, now or datetime.now(timezone.utc)), encoding="utf-8")
