"""Small client for the parts of Neon API v2 that codex-infra uses.

Settings and the API key are read from the environment when a client is made, never at
import, so the dynamic provider that uses this module carries no credentials in state.
Every error is a one-line `NeonError` naming the request, the HTTP status and Neon's own
message; the key is never part of a message or a log line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urlsplit

import httpx
import tenacity

from codex_infra.clients.http import (
    BearerClient,
    Retry,
    base_url,
    detail,
    json_or_none,
    retry_after,
    token,
)
from codex_infra.errors import FaultError, UsageError

DEFAULT_API_HOST = "https://console.neon.tech/api/v2"
TOKEN_ENV = "NEON_API_KEY"  # noqa: S105 (a variable's name)
#: Branches asked for per request when listing (Neon allows up to 10000).
BRANCH_PAGE_SIZE = 100
#: Latest operations looked at for a branch's unfinished ones (Neon allows up to 1000).
OPERATION_PAGE_SIZE = 100
#: How patient to be with Neon unless NEON_RETRY_* say otherwise.
NEON_RETRY = Retry(attempts=8, base_seconds=0.5, max_wait_seconds=30.0, max_seconds=120.0)

Json = dict[str, Any]
T = TypeVar("T")

#: Operation statuses after which Neon does no more work on an operation.
_DONE = frozenset({"finished", "skipped"})
_FAILED = frozenset({"failed", "error", "cancelled"})


class NeonError(FaultError):
    """Any failure talking to Neon; the text is shown to the user by the Pulumi host. (An
    environment that does not say how to reach Neon is the caller's `UsageError`.)"""


class NeonConnectionError(NeonError):
    """No HTTP answer: `transient` if one may come on a retry (connection refused, reset, timed
    out), not if the request cannot be sent at all."""

    def __init__(self, message: str, transient: bool = True) -> None:
        super().__init__(message)
        self.transient = transient


class NeonHTTPError(NeonError):
    """Neon answered with an error status."""

    def __init__(
        self,
        method: str,
        path: str,
        status: int,
        code: str,
        neon_message: str,
        retry_after: float | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.status = status
        self.code = code
        self.neon_message = neon_message
        self.retry_after = retry_after
        said = f"{code}: {neon_message}" if code else neon_message
        super().__init__(f"Neon API {method} {path} failed with HTTP {status}: {said}")

    @property
    def transient(self) -> bool:
        """Locked project, rate limit and server errors go away if one waits."""
        return self.status in (423, 429) or self.status >= 500


class NeonAuthError(NeonHTTPError):
    """401/403: retrying cannot help; the key is wrong or lacks access."""

    def __str__(self) -> str:
        return (
            f"Neon API {self.method} {self.path} refused the API key with HTTP {self.status}"
            f" ({self.neon_message}): check that NEON_API_KEY holds a valid key"
            " with access to this project"
        )


class NeonNotFoundError(NeonHTTPError):
    """404: the object does not exist (any more)."""


class NeonUnavailableError(NeonError):
    """Retries were exhausted: Neon kept refusing or failing."""


class NeonOperationError(NeonError):
    """A Neon operation failed, or did not finish in time."""


@dataclass(frozen=True)
class NeonApiSettings:
    """Where Neon is and how patient to be; read from the environment at call time."""

    api_key: str
    api_host: str = DEFAULT_API_HOST
    http_timeout: float = 30.0
    retry: Retry = NEON_RETRY
    operation_timeout: float = 600.0
    operation_poll_seconds: float = 2.0

    def __repr__(self) -> str:
        return f"NeonApiSettings(api_host={self.api_host!r}, api_key=<redacted>)"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> NeonApiSettings:
        """Read NEON_* variables; NEON_API_KEY is required."""
        env = os.environ if env is None else env
        key = token(TOKEN_ENV, env, ": export a Neon API key to manage branches")

        def number(name: str, default: float) -> float:
            raw = env.get(name, "").strip()
            if not raw:
                return default
            try:
                value = float(raw)
            except ValueError:
                raise UsageError(f"{name} must be a number of seconds, got {raw!r}") from None
            if value < 0:
                raise UsageError(f"{name} must not be negative, got {raw!r}")
            return value

        return cls(
            api_key=key,
            api_host=base_url(env.get("NEON_API_HOST", ""), DEFAULT_API_HOST, "NEON_API_HOST"),
            http_timeout=number("NEON_HTTP_TIMEOUT", cls.http_timeout),
            retry=Retry(
                attempts=max(1, int(number("NEON_RETRY_ATTEMPTS", cls.retry.attempts))),
                base_seconds=number("NEON_RETRY_BASE_SECONDS", cls.retry.base_seconds),
                max_wait_seconds=number("NEON_RETRY_MAX_WAIT_SECONDS", cls.retry.max_wait_seconds),
                max_seconds=number("NEON_RETRY_MAX_SECONDS", cls.retry.max_seconds),
            ),
            operation_timeout=number("NEON_OPERATION_TIMEOUT", cls.operation_timeout),
            operation_poll_seconds=number(
                "NEON_OPERATION_POLL_SECONDS", cls.operation_poll_seconds
            ),
        )


def is_transient(error: BaseException) -> bool:
    """True for failures that may go away by themselves: no answer (where one may come), 423,
    429, 5xx."""
    return isinstance(error, NeonConnectionError | NeonHTTPError) and error.transient


def with_retries(
    settings: NeonApiSettings,
    what: str,
    retry_on: Callable[[BaseException], bool],
    fn: Callable[[], T],
) -> T:
    """Call fn, retrying on retry_on errors within the attempt and time bounds of settings."""
    return settings.retry.call(fn, retry_on, what=what, gave_up=NeonUnavailableError)


def segment(value: str) -> str:
    """Quote one path segment (role names may hold any character)."""
    return quote(value, safe="")


class NeonClient(BearerClient):
    """Neon API v2 over one HTTP connection pool, with bounded retries."""

    def __init__(self, settings: NeonApiSettings) -> None:
        self.settings = settings
        super().__init__(
            settings.api_host,
            settings.api_key,
            timeout=settings.http_timeout,
            headers={"Accept": "application/json"},
        )

    @classmethod
    def from_env(cls) -> NeonClient:
        return cls(NeonApiSettings.from_env())

    def _no_answer(self, method: str, url: str, said: str, transient: bool) -> Exception:
        host = self.settings.api_host
        return NeonConnectionError(
            f"Neon API {method} {url}: no answer from {host} ({said})", transient
        )

    def _refused(self, method: str, url: str, response: httpx.Response) -> NeonHTTPError:
        body: Json | None = json_or_none(response)
        code, message = "", ""
        if isinstance(body, dict):
            code = str(body.get("code") or "")
            message = str(body.get("message") or response.reason_phrase)
        message = detail(response, message)
        status = response.status_code
        if status in (401, 403):
            return NeonAuthError(method, url, status, code, message)
        if status == 404:
            return NeonNotFoundError(method, url, status, code, message)
        return NeonHTTPError(method, url, status, code, message, retry_after(response))

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Json | None = None,
        idempotent: bool = True,
    ) -> Json:
        """Send a request, retrying transient failures.

        A non-idempotent request is only retried when Neon refused it outright (423, 429):
        after a 5xx or a lost connection it may have taken effect, so the caller decides.
        """

        def retry_on(error: BaseException) -> bool:
            if idempotent:
                return is_transient(error)
            return isinstance(error, NeonHTTPError) and error.status in (423, 429)

        def send() -> Json:
            response = self._send_once(method, path, params=params, json=body)
            return {} if response.status_code == 204 or not response.content else response.json()

        return with_retries(self.settings, "", retry_on, send)  # its errors name the request

    # Branches -----------------------------------------------------------------------

    def list_branches(self, project_id: str, *, page_size: int = BRANCH_PAGE_SIZE) -> list[Json]:
        """Every branch of the project, following Neon's cursor pagination.

        Sorted by creation time, oldest first: a branch created while we page lands on a
        later page instead of shifting the pages already read. Deduplicated by id.
        """
        path = f"/projects/{segment(project_id)}/branches"
        base = {"limit": str(page_size), "sort_by": "created_at", "sort_order": "asc"}
        found: dict[str, Json] = {}
        cursors: set[str] = set()
        params: dict[str, str] = base
        while True:
            page = self.request("GET", path, params=params)
            branches: list[Json] = page["branches"]
            found.update((b["id"], b) for b in branches)
            pagination: Json = page.get("pagination") or {}
            cursor: str | None = pagination.get("next")
            if not branches or not cursor:
                return list(found.values())
            if cursor in cursors:
                raise NeonError(f"Neon API GET {path}: the pagination cursor repeats itself")
            cursors.add(cursor)
            params = {**base, "cursor": cursor}

    def get_branch(self, project_id: str, branch_id: str) -> Json:
        branch: Json = self.request(
            "GET", f"/projects/{segment(project_id)}/branches/{segment(branch_id)}"
        )["branch"]
        return branch

    def create_branch(
        self,
        project_id: str,
        branch: Json,
        endpoint: Json | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> Json:
        """Create a branch with a read-write endpoint (with `endpoint`'s settings) and Neon's
        annotation of its origin; not retried after a 5xx (see request)."""
        body: Json = {"branch": branch, "endpoints": [{**(endpoint or {}), "type": "read_write"}]}
        if annotations:
            body["annotation_value"] = dict(annotations)
        return self.request(
            "POST", f"/projects/{segment(project_id)}/branches", body=body, idempotent=False
        )

    def update_branch(self, project_id: str, branch_id: str, changes: Json) -> Json:
        return self.request(
            "PATCH",
            f"/projects/{segment(project_id)}/branches/{segment(branch_id)}",
            body={"branch": changes},
        )

    def restore_branch(self, project_id: str, branch_id: str, source_branch_id: str) -> Json:
        """Reset a branch to the head of another (its parent): Neon's reset from parent. Waits
        for the operations it starts."""
        result = self.request(
            "POST",
            f"/projects/{segment(project_id)}/branches/{segment(branch_id)}/restore",
            body={"source_branch_id": source_branch_id},
        )
        self.wait_for_operations(project_id, result.get("operations", []))
        branch: Json = result["branch"]
        return branch

    def delete_branch(self, project_id: str, branch_id: str) -> bool:
        """Delete a branch for good and wait for its operations; False if it was already gone.

        `hard_delete`: Neon's newer deletes are soft (recoverable for 7 days) unless asked, and a
        soft-deleted preview might keep its name or its place in the branch limit. Servers that
        predate the parameter ignore it (the published spec does not list it yet)."""
        try:
            result = self.request(
                "DELETE",
                f"/projects/{segment(project_id)}/branches/{segment(branch_id)}",
                params={"hard_delete": "true"},
            )
        except NeonNotFoundError:
            return False
        if not result:  # 204: already deleted
            return False
        self.wait_for_operations(project_id, result.get("operations", []))
        return True

    def update_endpoint(self, project_id: str, endpoint_id: str, changes: Json) -> Json:
        return self.request(
            "PATCH",
            f"/projects/{segment(project_id)}/endpoints/{segment(endpoint_id)}",
            body={"endpoint": changes},
        )

    def list_endpoints(self, project_id: str, branch_id: str) -> list[Json]:
        endpoints: list[Json] = self.request(
            "GET",
            f"/projects/{segment(project_id)}/branches/{segment(branch_id)}/endpoints",
        )["endpoints"]
        return endpoints

    def connection_password(
        self,
        project_id: str,
        branch_id: str,
        endpoint_id: str,
        database_name: str,
        role_name: str,
    ) -> str:
        """The role's password, from Neon's connection URI (which also proves both names exist)."""
        uri: str = self.request(
            "GET",
            f"/projects/{segment(project_id)}/connection_uri",
            params={
                "branch_id": branch_id,
                "endpoint_id": endpoint_id,
                "database_name": database_name,
                "role_name": role_name,
            },
        )["uri"]
        password = urlsplit(uri).password
        if not password:
            raise NeonError(
                f"Neon gave no password for role {role_name} on branch {branch_id}"
                f" in project {project_id}"
            )
        return unquote(password)

    # Operations ---------------------------------------------------------------------

    def wait_for_operations(self, project_id: str, operations: list[Json]) -> None:
        """Poll until every operation is finished; bounded by settings.operation_timeout."""
        pending = [op for op in operations if op["status"] not in _DONE]
        _raise_if_failed(pending)

        def poll() -> list[Json]:
            nonlocal pending
            current = [self._get_operation(project_id, op["id"]) for op in pending]
            _raise_if_failed(current)
            pending = [op for op in current if op["status"] not in _DONE]
            return pending

        if not pending:
            return
        retrying = tenacity.Retrying(
            stop=tenacity.stop_before_delay(self.settings.operation_timeout),
            wait=tenacity.wait_fixed(self.settings.operation_poll_seconds),
            retry=tenacity.retry_if_result(bool),
        )
        try:
            retrying(poll)
        except tenacity.RetryError:
            still = ", ".join(
                f"{op['action']} on {op.get('branch_id', '?')} ({op['status']})" for op in pending
            )
            raise NeonOperationError(
                f"Neon operations in project {project_id} not finished within"
                f" NEON_OPERATION_TIMEOUT={self.settings.operation_timeout:g} s: {still}"
            ) from None

    def wait_for_branch(self, project_id: str, branch_id: str) -> None:
        """Wait for the branch's unfinished operations among the first OPERATION_PAGE_SIZE the
        project lists (the newest, in practice: the spec says no order, nor a branch filter)."""
        operations: list[Json] = self.request(
            "GET",
            f"/projects/{segment(project_id)}/operations",
            params={"limit": str(OPERATION_PAGE_SIZE)},
        )["operations"]
        self.wait_for_operations(
            project_id, [op for op in operations if op.get("branch_id") == branch_id]
        )

    def _get_operation(self, project_id: str, operation_id: str) -> Json:
        operation: Json = self.request(
            "GET", f"/projects/{segment(project_id)}/operations/{segment(operation_id)}"
        )["operation"]
        return operation


def _raise_if_failed(operations: list[Json]) -> None:
    for op in operations:
        if op["status"] in _FAILED:
            raise NeonOperationError(
                f"Neon operation {op['action']} on branch {op.get('branch_id', '?')} in project"
                f" {op['project_id']} ended with status {op['status']}:"
                f" {op.get('error') or 'no detail given'}"
            )
