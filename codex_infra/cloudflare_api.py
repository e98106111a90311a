"""How codex-infra reaches Cloudflare's API: the official SDK, with the credentials a deploy has.

`codex-infra import` reads an account through it (and `rollback` will). The token is the one
pulumi-cloudflare reads, CLOUDFLARE_API_TOKEN; CLOUDFLARE_BASE_URL (the SDK's own variable)
points it at a stand-in. Every failure becomes one line naming the call and Cloudflare's own
error codes, never the token.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from components.http import BaseUrlError, base_url

if TYPE_CHECKING:
    import cloudflare

TOKEN_ENV = "CLOUDFLARE_API_TOKEN"  # noqa: S105 (a variable's name)
BASE_URL_ENV = "CLOUDFLARE_BASE_URL"
DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"


class CloudflareConfigError(Exception):
    """No token, or no usable base URL: the caller's to fix."""


class CloudflareError(Exception):
    """A call failed: Cloudflare refused it or did not answer."""


def client_from_env(*, timeout: float = 30.0) -> cloudflare.Cloudflare:
    """A client authenticated by the deploy's API token and nothing else."""
    import cloudflare  # here, not above: half a second that no other codex-infra command needs

    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise CloudflareConfigError(
            f"{TOKEN_ENV} is not set (the token a deploy of this stack uses)"
        )
    try:
        url = base_url(os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL, BASE_URL_ENV)
    except BaseUrlError as err:
        raise CloudflareConfigError(str(err)) from None
    client = cloudflare.Cloudflare(api_token=token, base_url=url, timeout=timeout)
    # The SDK sends one credential only, and prefers CLOUDFLARE_EMAIL / CLOUDFLARE_API_KEY /
    # CLOUDFLARE_API_USER_SERVICE_KEY from the environment over the token when they are set.
    client.api_email = client.api_key = client.user_service_key = None
    return client


def _errors(body: object) -> str:
    """Cloudflare's envelope says why in `errors: [{code, message}]`."""
    if not isinstance(body, dict):
        return ""
    errors: Any = cast(dict[str, Any], body).get("errors")
    if not isinstance(errors, list):
        return ""
    parts: list[str] = []
    for error in cast(list[Any], errors):
        if isinstance(error, dict):
            entry = cast(dict[str, Any], error)
            parts.append(" ".join(f"{entry.get('code', '')} {entry.get('message', '')}".split()))
    return "; ".join(p for p in parts if p)


@contextmanager
def calling(what: str) -> Generator[None]:
    """Turns the SDK's exceptions raised inside into one CloudflareError naming `what` was asked
    and the request that failed."""
    import cloudflare

    try:
        yield
    except cloudflare.APIStatusError as err:
        request = f"{err.request.method} {err.request.url.path}"
        detail = _errors(err.body) or err.message
        raise CloudflareError(
            f"Cloudflare API {request} ({what}) failed with HTTP {err.status_code}: {detail}"
        ) from None
    except cloudflare.APIError as err:  # no answer, or an answer the SDK could not read
        request = f"{err.request.method} {err.request.url.path}"
        raise CloudflareError(f"Cloudflare API {request} ({what}) failed: {err.message}") from None
