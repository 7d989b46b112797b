"""Dates and sizes as Dutch readers write them."""
from __future__ import annotations

from datetime import date

def dutch_date(value: date, months: list[str]) -> str:
    """A date as Dutch readers write it: 3 maart 2026 (the months' names
    are content: content/teksten.yml `maanden`)."""
    return f"{value.day} {months[value.month - 1]} {value.year}"


def format_size(size: int) -> str:
    """A file size as Dutch readers write it: '454 kB' or '1,4 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
