"""The example app's own tests (examples/workers/): what it does beyond the platform contract.
A team's app has tests of its own instead (`E2E_TEST_COMMAND`)."""

from __future__ import annotations

import uuid

import httpx
import pytest

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def test_the_home_page_is_prerendered_and_served_as_a_static_asset(
    client: httpx.Client, urls: dict[str, str]
) -> None:
    """Built by `vite build`, not rendered per request: the asset server answers it, with its
    ETag and `_headers` rules (which apply to assets only; a rendered page has neither)."""
    page = client.get(f"{urls['WEB_URL']}/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>codex</h1>" in page.text
    assert "prerendered at build time" in page.text
    assert "etag" in page.headers
    assert page.headers["x-content-type-options"] == "nosniff"
    rendered = client.get(f"{urls['WEB_URL']}/no-such-page")
    assert rendered.status_code == 404
    assert "x-content-type-options" not in rendered.headers


@pytest.mark.parametrize("path", ["/", "/robots.txt", "/_app/version.json"])
def test_static_files_carry_the_security_headers(
    client: httpx.Client, urls: dict[str, str], path: str
) -> None:
    response = client.get(f"{urls['WEB_URL']}{path}")
    assert response.status_code == 200
    assert {name: response.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_a_session_through_the_web_worker_sets_a_secure_cookie(
    client: httpx.Client, urls: dict[str, str]
) -> None:
    response = client.post(f"{urls['WEB_URL']}/auth/session")
    assert response.status_code == 204
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("session=")
    for attribute in ("HttpOnly", "Secure", "SameSite=Lax", "Path=/"):
        assert attribute in cookie
    identifier = cookie.removeprefix("session=").split(".", 1)[0]
    assert uuid.UUID(identifier)


def test_a_server_route_reads_the_stacks_database(
    client: httpx.Client, urls: dict[str, str]
) -> None:
    """The SvelteKit route and the auth Worker reach the same database, the stack's."""
    web = client.get(f"{urls['WEB_URL']}/healthz/db")
    assert web.status_code == 200
    answer = web.json()
    assert answer["ok"] is True
    assert answer["via"] in {"DATABASE_URL", "HYPERDRIVE"}
    assert answer == client.get(f"{urls['AUTH_URL']}/healthz/db").json()
