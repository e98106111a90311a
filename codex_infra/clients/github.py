"""How codex-infra reaches GitHub's REST API (the reaper asks it which pull requests are open).

A JSON API behind a bearer token that sometimes answers 429 or 5xx: bounded retries that honour
Retry-After (`codex_infra.clients.http`), and every failure a one-line `GitHubError` naming the
request and GitHub's own message, never the token. GITHUB_TOKEN and GITHUB_API_URL are the
variables GitHub Actions sets.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Self, cast

import httpx

from codex_infra.clients.http import (
    BearerClient,
    Retry,
    base_url,
    detail,
    json_or_none,
    retry_after,
    token,
)
from codex_infra.errors import FaultError

DEFAULT_BASE_URL = "https://api.github.com"
TOKEN_ENV = "GITHUB_TOKEN"  # noqa: S105 (a variable's name)
BASE_URL_ENV = "GITHUB_API_URL"
#: Statuses after which the same request may succeed a little later.
TRANSIENT = frozenset({429, 500, 502, 503, 504})


class GitHubError(FaultError):
    """A request failed; status 0 means there was no answer to judge by."""

    def __init__(
        self,
        method: str,
        path: str,
        status: int,
        said: str,
        *,
        transient: bool | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.retry_after = retry_after
        self.transient = status in TRANSIENT if transient is None else transient
        answer = f" with HTTP {status}" if status else ""
        super().__init__(f"GitHub API {method} {path} failed{answer}: {said}")


class GitHubClient(BearerClient):
    """GitHub's API over one connection pool: `send` returns a successful response."""

    def __init__(
        self,
        base: str,
        credential: str,
        *,
        retry: Retry | None = None,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.retry = retry or Retry()
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        super().__init__(base, credential, timeout=timeout, headers=headers, transport=transport)

    @classmethod
    def from_env(cls) -> Self:
        return cls(
            base_url(os.environ.get(BASE_URL_ENV, ""), DEFAULT_BASE_URL, BASE_URL_ENV),
            token(TOKEN_ENV),
        )

    def send(
        self, method: str, url: str, *, params: Mapping[str, str] | None = None
    ) -> httpx.Response:
        """Send, retrying no-answer, 429 and 5xx; every request we make is idempotent."""
        target = httpx.URL(url)
        base = self._http.base_url
        if target.is_absolute_url and (target.scheme, target.netloc) != (base.scheme, base.netloc):
            # A pagination link is followed as given, but the token stays with its service.
            raise GitHubError(
                method,
                target.path,
                0,
                f"refusing to follow a link to {target.host}",
            )
        return self.retry.call(
            lambda: self._send_once(method, url, params=params),
            lambda e: isinstance(e, GitHubError) and e.transient,
        )

    def open_pull_numbers(self, repo: str) -> frozenset[int]:
        """Open PRs of `repo` (owner/name), every page: a PR missed here would lose its preview."""
        numbers: set[int] = set()
        url: str | None = f"/repos/{repo}/pulls"
        params: dict[str, str] | None = {"state": "open", "per_page": "100"}
        while url is not None:
            response = self.send("GET", url, params=params)
            numbers.update(int(pr["number"]) for pr in cast(list[dict[str, Any]], response.json()))
            url = response.links.get("next", {}).get("url")
            params = None  # the next link carries them
        return frozenset(numbers)

    def _no_answer(self, method: str, url: str, said: str, transient: bool) -> GitHubError:
        path = httpx.URL(url).path
        return GitHubError(method, path, 0, f"no answer ({said})", transient=transient)

    def _refused(self, method: str, url: str, response: httpx.Response) -> GitHubError:
        body: Any = json_or_none(response)
        message = cast(dict[str, Any], body).get("message") if isinstance(body, dict) else None
        return GitHubError(
            method,
            httpx.URL(url).path,
            response.status_code,
            detail(response, str(message or "")),
            retry_after=retry_after(response),
        )
