"""The HTTP piece shared by our Neon and GitHub clients (the Cloudflare SDK has its own):
Retry-After parsing, credentials and base URLs checked before any request, and which failures
are retried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from codex_infra.clients.github import GitHubClient, GitHubError
from codex_infra.clients.http import Retry, base_url, retry_after, token
from codex_infra.errors import UsageError


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


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://console.neon.tech/api/v2/", "https://console.neon.tech/api/v2"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ],
)
def test_a_base_url_is_kept_without_its_trailing_slash(value: str, url: str) -> None:
    assert base_url(value, "https://default.example/v1", "X_URL") == url


@pytest.mark.parametrize("value", ["", "  "])
def test_a_blank_base_url_is_the_default(value: str) -> None:
    assert base_url(value, "https://default.example/v1/", "X_URL") == "https://default.example/v1"


@pytest.mark.parametrize(
    "value",
    [
        "not-a-url",
        "ftp://h.example",
        "https://",
        "//h.example/v1",
        "https://h/v1?a=1",
        "http://h#x",
    ],
)
def test_a_base_url_no_request_could_reach_is_refused_naming_its_variable(value: str) -> None:
    with pytest.raises(UsageError, match=r"^X_URL must be an http\(s\) URL with a host"):
        base_url(value, "https://default.example/v1", "X_URL")


def test_a_base_url_with_credentials_is_refused_without_them() -> None:
    with pytest.raises(UsageError) as raised:
        base_url("https://user:hunter2@h.example", "https://default.example/v1", "X_URL")
    assert "hunter2" not in str(raised.value)


@pytest.mark.parametrize("env", [{}, {"X_TOKEN": ""}, {"X_TOKEN": " \n"}])
def test_a_missing_token_is_the_callers_mistake_naming_its_variable(env: dict[str, str]) -> None:
    with pytest.raises(UsageError, match=r"^X_TOKEN is not set \(for X\)$"):
        token("X_TOKEN", env, " (for X)")
    assert token("X_TOKEN", {"X_TOKEN": " t0ken "}) == "t0ken"


FAST = Retry(attempts=4, base_seconds=0.001, max_wait_seconds=0.01)


@pytest.mark.parametrize(
    ("error", "attempts"),
    [
        (httpx.UnsupportedProtocol("Request URL has an unsupported protocol 'ftp://'."), 1),
        (httpx.LocalProtocolError("Illegal header value"), 1),
        (httpx.ConnectError("Connection refused"), 4),
        (httpx.ReadTimeout("timed out"), 4),
    ],
    ids=["unsupported-protocol", "local-protocol", "connect", "timeout"],
)
def test_only_what_can_succeed_on_retry_is_retried(error: Exception, attempts: int) -> None:
    """Faults injected below the client: a request that cannot be sent fails the same way again."""
    tried: list[httpx.Request] = []

    def fail(request: httpx.Request) -> httpx.Response:
        tried.append(request)
        raise error

    client = GitHubClient(
        "http://api.example", "t", retry=FAST, transport=httpx.MockTransport(fail)
    )
    with client, pytest.raises(GitHubError) as raised:
        client.send("GET", "/things")
    assert len(tried) == attempts
    assert raised.value.transient == (attempts > 1)
    assert str(raised.value).count("GitHub API GET /things") == 1
