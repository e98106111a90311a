"""The one HTTP client the reaper uses for GitHub and Cloudflare.

Both are JSON APIs behind a bearer token that sometimes answer 429 or 5xx; this adds
bounded retries (tenacity) and turns every failure into a one-line `ApiError` that names
the request and the service's own message, never the token.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self, cast

import httpx
import tenacity

log = logging.getLogger(__name__)

#: Statuses after which the same request may succeed a little later.
TRANSIENT = frozenset({429, 500, 502, 503, 504})


class ApiError(Exception):
    """A request failed; status 0 means there was no answer to judge by."""

    def __init__(
        self,
        service: str,
        method: str,
        path: str,
        status: int,
        detail: str,
        *,
        transient: bool | None = None,
    ) -> None:
        self.status = status
        self.transient = status in TRANSIENT if transient is None else transient
        answer = f" with HTTP {status}" if status else ""
        super().__init__(f"{service} API {method} {path} failed{answer}: {detail}")


@dataclass(frozen=True)
class Retry:
    """How patient to be with transient failures (tests make it fast)."""

    attempts: int = 5
    base_seconds: float = 1.0
    max_wait_seconds: float = 30.0


def _detail(response: httpx.Response) -> str:
    """GitHub says `message`; Cloudflare says `errors: [{code, message}]`."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    parts: list[str] = []
    if isinstance(body, dict):
        fields = cast(dict[str, Any], body)
        errors: Any = fields.get("errors")
        if isinstance(errors, list):
            for error in cast(list[Any], errors):
                if isinstance(error, dict) and cast(dict[str, Any], error).get("message"):
                    entry = cast(dict[str, Any], error)
                    parts.append(f"{entry.get('code', '')} {entry['message']}".strip())
        if not parts and fields.get("message"):
            parts.append(str(fields["message"]))
    text = "; ".join(parts) or response.text.strip()[:200] or response.reason_phrase
    return " ".join(text.split())


class RestClient:
    """One service's API over one connection pool: `send` returns a successful response."""

    def __init__(
        self,
        service: str,
        base_url: str,
        token: str,
        *,
        headers: Mapping[str, str] | None = None,
        retry: Retry | None = None,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.service = service
        self.retry = retry or Retry()
        self._http = httpx.Client(
            base_url=base_url,
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": "codex-infra",
                **(headers or {}),
            },
            timeout=timeout,
            transport=transport,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._http.close()

    def send(
        self, method: str, url: str, *, params: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """Send, retrying no-answer, 429 and 5xx; every request the reaper makes is idempotent."""

        def log_retry(state: tenacity.RetryCallState) -> None:
            outcome = state.outcome
            log.warning(
                "%s; retrying in %.1f s (attempt %d of %d)",
                outcome.exception() if outcome is not None else "failed",
                state.upcoming_sleep,
                state.attempt_number,
                self.retry.attempts,
            )

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.retry.attempts),
            wait=tenacity.wait_random_exponential(
                multiplier=self.retry.base_seconds, max=self.retry.max_wait_seconds
            ),
            retry=tenacity.retry_if_exception(lambda e: isinstance(e, ApiError) and e.transient),
            before_sleep=log_retry,
            reraise=True,
        )
        return retrying(self._send_once, method, url, params)

    def _send_once(self, method: str, url: str, params: Mapping[str, str] | None) -> httpx.Response:
        target = httpx.URL(url)
        path = target.path
        base = self._http.base_url
        if target.is_absolute_url and target.netloc != base.netloc:
            # A pagination link is followed as given, but the token stays with its service.
            raise ApiError(
                self.service, method, path, 0, f"refusing to follow a link to {target.host}"
            )
        try:
            response = self._http.request(method, url, params=params)
        except httpx.TransportError as error:
            raise ApiError(
                self.service,
                method,
                path,
                0,
                f"no answer ({type(error).__name__}: {error})",
                transient=True,
            ) from None
        if response.is_error:
            raise ApiError(self.service, method, path, response.status_code, _detail(response))
        return response
