"""The platform contract, part two: the Stripe webhook Worker takes what Stripe sends and
refuses what it did not (docs/app.md, requirement 4). While a secret is being rolled Stripe sends
one `v1` per secret, and any one that matches is valid. It counts any 2xx as delivered; its
libraries refuse timestamps older than five minutes."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable

import httpx
import pytest

from e2e.stripe_signature import header, v1

OTHER_SECRET = f"whsec_{secrets.token_hex(16)}"  # the endpoint's other secret during a roll
STALE = 3600  # seconds; Stripe's libraries accept 300 by default

Header = Callable[[str, str, int], str]


def _event() -> str:
    """An event as Stripe sends it, of a type apps rarely handle: taking it is the contract."""
    return json.dumps(
        {
            "id": f"evt_contract_{secrets.token_hex(12)}",
            "object": "event",
            "api_version": "2026-10-28.endive",  # stripe-node 23.1.0's
            "created": int(time.time()),
            "type": "balance.available",
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "data": {"object": {"object": "balance", "available": [], "pending": []}},
        }
    )


def _post(client: httpx.Client, url: str, body: str, signature: str | None) -> httpx.Response:
    headers = {"content-type": "application/json; charset=utf-8", "user-agent": "Stripe/1.0"}
    if signature is not None:
        headers["stripe-signature"] = signature
    return client.post(url, content=body, headers=headers)


TAKEN: dict[str, Header] = {
    "signed": lambda secret, body, at: header(body, at, secret),
    "test mode, with a v0": lambda secret, body, at: (
        f"{header(body, at, secret)},v0={v1(OTHER_SECRET, body, at)}"
    ),
    "secret roll, the matching v1 first": lambda secret, body, at: header(
        body, at, secret, OTHER_SECRET
    ),
    "secret roll, the matching v1 last": lambda secret, body, at: header(
        body, at, OTHER_SECRET, secret
    ),
}


@pytest.mark.parametrize("signed", TAKEN.values(), ids=TAKEN.keys())
def test_the_webhook_takes_a_signed_event_with_any_2xx(
    client: httpx.Client, urls: dict[str, str], webhook_secret: str, signed: Header
) -> None:
    body = _event()
    signature = signed(webhook_secret, body, int(time.time()))
    response = _post(client, urls["STRIPE_WEBHOOK_URL"], body, signature)
    assert response.is_success, f"{response.status_code}: {response.text[:200]}"


def _tampered(body: str) -> str:
    """The signed event with one field changed after signing."""
    event = json.loads(body)
    event["livemode"] = True
    return json.dumps(event)


REFUSED: dict[str, Callable[[str, str, int], tuple[str, str | None]]] = {
    "unsigned": lambda secret, body, at: (body, None),
    "empty signature": lambda secret, body, at: (body, ""),
    "malformed signature": lambda secret, body, at: (body, "t=1,v1=00"),
    "another secret": lambda secret, body, at: (body, header(body, at, OTHER_SECRET)),
    "tampered body": lambda secret, body, at: (_tampered(body), header(body, at, secret)),
    "stale timestamp": lambda secret, body, at: (body, header(body, at - STALE, secret)),
    "secret roll, neither v1 matching": lambda secret, body, at: (
        body,
        header(body, at, OTHER_SECRET, f"{secret}x"),
    ),
    "only a v0": lambda secret, body, at: (body, f"t={at},v0={v1(secret, body, at)}"),
}


@pytest.mark.parametrize("request_of", REFUSED.values(), ids=REFUSED.keys())
def test_the_webhook_refuses_what_stripe_did_not_sign_with_a_4xx(
    client: httpx.Client,
    urls: dict[str, str],
    webhook_secret: str,
    request_of: Callable[[str, str, int], tuple[str, str | None]],
) -> None:
    body, signature = request_of(webhook_secret, _event(), int(time.time()))
    response = _post(client, urls["STRIPE_WEBHOOK_URL"], body, signature)
    assert response.is_client_error, f"{response.status_code}: {response.text[:200]}"
