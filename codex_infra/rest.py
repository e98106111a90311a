"""The one HTTP client the reaper uses for GitHub and Cloudflare.

Both are JSON APIs behind a bearer token that sometimes answer 429 or 5xx; this adds
bounded retries that honour Retry-After (`components.http`) and turns every failure into a
one-line `ApiError` that names the request and the service's own message, never the token.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from components.http import BearerClient, Retry, json_or_none, one_line, retry_after

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
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.retry_after = retry_after
        self.transient = status in TRANSIENT if transient is None else transient
        answer = f" with HTTP {status}" if status else ""
        super().__init__(f"{service} API {method} {path} failed{answer}: {detail}")


def _detail(response: httpx.Response) -> str:
    """GitHub says `message`; Cloudflare says `errors: [{code, message}]`."""
    body: Any = json_or_none(response)
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
    return one_line(response, "; ".join(parts))


class RestClient(BearerClient):
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
        super().__init__(base_url, token, timeout=timeout, headers=headers, transport=transport)

    def send(
        self, method: str, url: str, *, params: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """Send, retrying no-answer, 429 and 5xx; every request the reaper makes is idempotent."""
        target = httpx.URL(url)
        if target.is_absolute_url and target.netloc != self._http.base_url.netloc:
            # A pagination link is followed as given, but the token stays with its service.
            raise ApiError(
                self.service, method, target.path, 0, f"refusing to follow a link to {target.host}"
            )
        return self.retry.call(
            lambda: self._send_once(method, url, params=params),
            lambda e: isinstance(e, ApiError) and e.transient,
        )

    def _no_answer(self, method: str, url: str, detail: str, transient: bool) -> ApiError:
        path = httpx.URL(url).path
        return ApiError(self.service, method, path, 0, f"no answer ({detail})", transient=transient)

    def _refused(self, method: str, url: str, response: httpx.Response) -> ApiError:
        status, wait = response.status_code, retry_after(response)
        path = httpx.URL(url).path
        return ApiError(self.service, method, path, status, _detail(response), retry_after=wait)
