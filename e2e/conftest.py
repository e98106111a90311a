"""End-to-end tests, against any environment: a local one (`codex-infra local run STACK -- uv run
pytest e2e/contract`) or a deployed one. Only HTTP: the environment is named by its URLs,
`WEB_URL`, `AUTH_URL` and `STRIPE_WEBHOOK_URL`; `STRIPE_WEBHOOK_SECRET` lets the webhook tests
sign (without it they are skipped), and `EXPECTED_ENVIRONMENT` pins what `/healthz` reports.

`contract/` is what the platform asks of any app (docs/app.md lists it); `example/` tests the
example app (examples/workers/) beyond that."""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest

URLS = ("WEB_URL", "AUTH_URL", "STRIPE_WEBHOOK_URL")
KINDS = ("production", "staging", "preview")


def _setting(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.exit(f"{name} is not set: run the suite through `codex-infra local run`", 2)
    return value.rstrip("/")


@pytest.fixture(scope="session")
def urls() -> dict[str, str]:
    return {name: _setting(name) for name in URLS}


@pytest.fixture(scope="session")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30, follow_redirects=False) as client:
        yield client


@pytest.fixture(scope="session")
def environment() -> str | None:
    """What every Worker's ENVIRONMENT must be, if the caller says."""
    return os.environ.get("EXPECTED_ENVIRONMENT") or None


@pytest.fixture(scope="session")
def webhook_secret() -> str:
    secret = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    if not secret:
        pytest.skip("STRIPE_WEBHOOK_SECRET is not set: signed webhooks cannot be sent")
    return secret
