"""Stripe's webhook signature, as Stripe computes it: HMAC-SHA-256 of `<t>.<body>` under the
endpoint's secret, hex, sent as `Stripe-Signature: t=<t>,v1=<hex>[,v1=<hex>...]` (one `v1` per
secret while a secret is being rolled)."""

from __future__ import annotations

import hashlib
import hmac


def v1(secret: str, body: str, at: int) -> str:
    return hmac.new(secret.encode(), f"{at}.{body}".encode(), hashlib.sha256).hexdigest()


def header(body: str, at: int, *secrets: str) -> str:
    """What Stripe sends for an endpoint with these secrets, in this order."""
    return ",".join([f"t={at}", *(f"v1={v1(secret, body, at)}" for secret in secrets)])
