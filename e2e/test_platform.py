"""What every environment must do, seen from outside."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid

import httpx

from e2e.conftest import KINDS, URLS


def test_every_worker_is_healthy_in_its_environment(
    client: httpx.Client, urls: dict[str, str], environment: str | None
) -> None:
    kinds = {client.get(f"{urls[name]}/healthz").json()["environment"] for name in URLS}
    assert len(kinds) == 1, f"the Workers disagree about their environment: {kinds}"
    (kind,) = kinds
    assert kind == environment if environment else kind in KINDS


def test_static_assets_come_first_with_their_headers(
    client: httpx.Client, urls: dict[str, str]
) -> None:
    index = client.get(f"{urls['WEB_URL']}/")
    assert index.status_code == 200
    assert index.headers["content-type"].startswith("text/html")
    assert index.headers["x-content-type-options"] == "nosniff"
    assert index.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_the_headers_file_itself_is_not_served(client: httpx.Client, urls: dict[str, str]) -> None:
    response = client.get(f"{urls['WEB_URL']}/_headers")
    assert "X-Content-Type-Options:" not in response.text
    assert response.status_code == 404


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


def _signed(secret: str, body: str, at: int) -> dict[str, str]:
    mac = hmac.new(secret.encode(), f"{at}.{body}".encode(), hashlib.sha256).hexdigest()
    return {"stripe-signature": f"t={at},v1={mac}", "content-type": "application/json"}


def test_the_webhook_takes_a_signed_event(
    client: httpx.Client, urls: dict[str, str], webhook_secret: str
) -> None:
    body = json.dumps({"id": f"evt_e2e_{uuid.uuid4().hex}", "type": "checkout.session.completed"})
    headers = _signed(webhook_secret, body, int(time.time()))
    assert client.post(urls["STRIPE_WEBHOOK_URL"], content=body, headers=headers).status_code == 204


def test_the_webhook_refuses_a_bad_or_stale_signature(
    client: httpx.Client, urls: dict[str, str], webhook_secret: str
) -> None:
    body = json.dumps({"id": "evt_e2e_refused", "type": "checkout.session.completed"})
    now = int(time.time())
    for headers in (
        _signed("whsec_not_the_secret", body, now),
        _signed(webhook_secret, body, now - 3600),
        {"stripe-signature": "t=1,v1=00"},
        {},
    ):
        assert (
            client.post(urls["STRIPE_WEBHOOK_URL"], content=body, headers=headers).status_code
            == 400
        )
