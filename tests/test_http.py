"""The HTTP piece shared by the Neon, GitHub and Cloudflare clients: Retry-After parsing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from components.http import retry_after


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("3", 3.0), ("0.5", 0.5), ("-2", 0.0), ("soon", None), ("", None), (None, None)],
)
def test_retry_after_in_seconds(header: str | None, seconds: float | None) -> None:
    headers = {} if header is None else {"Retry-After": header}
    assert retry_after(httpx.Response(429, headers=headers)) == seconds


def test_retry_after_as_an_http_date() -> None:
    def asked(delta: timedelta) -> float | None:
        when = format_datetime(datetime.now(UTC) + delta, usegmt=True)
        return retry_after(httpx.Response(503, headers={"Retry-After": when}))

    assert 28 <= (asked(timedelta(seconds=30)) or 0) <= 30
    assert asked(-timedelta(hours=1)) == 0.0  # already past: retry now
    # A date without a time zone cannot be compared: fall back to backoff.
    no_zone = httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 -0000"})
    assert retry_after(no_zone) is None
