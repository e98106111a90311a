"""The platform contract, part one: what every app's three Workers answer (docs/app.md,
"The end-to-end contract", requirements 1 to 3)."""

from __future__ import annotations

import re

import httpx

from e2e.conftest import KINDS, URLS

# A `_headers` file as Cloudflare reads it: a path, then indented `Name: value` lines.
_HEADERS_FILE = re.compile(r"^/\S*[ \t]*\r?\n[ \t]+!?[A-Za-z0-9-]+:", re.MULTILINE)


def _health(client: httpx.Client, url: str) -> dict[str, object]:
    response = client.get(f"{url}/healthz")
    assert response.status_code == 200, f"{url}/healthz answered {response.status_code}"
    return response.json()


def test_every_worker_is_healthy_in_its_environment(
    client: httpx.Client, urls: dict[str, str], environment: str | None
) -> None:
    kinds = {name: _health(client, urls[name]).get("environment") for name in URLS}
    assert len(set(kinds.values())) == 1, f"the Workers disagree about their environment: {kinds}"
    (kind,) = set(kinds.values())
    assert kind == environment if environment else kind in KINDS


def test_static_assets_are_served(client: httpx.Client, urls: dict[str, str]) -> None:
    response = client.get(f"{urls['WEB_URL']}/robots.txt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")


def test_the_headers_file_itself_is_not_served(client: httpx.Client, urls: dict[str, str]) -> None:
    response = client.get(f"{urls['WEB_URL']}/_headers")
    assert not (response.is_success and _HEADERS_FILE.search(response.text)), response.text[:200]


def test_the_web_worker_reaches_the_auth_worker_through_its_binding(
    client: httpx.Client, urls: dict[str, str]
) -> None:
    response = client.get(f"{urls['WEB_URL']}/auth/healthz")
    assert response.status_code == 200, f"/auth/healthz answered {response.status_code}"
    assert response.json() == _health(client, urls["AUTH_URL"])
