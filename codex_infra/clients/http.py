"""What our own API clients (Neon, GitHub) share: a bearer token client, one-line errors,
bounded retries honouring Retry-After. Import has no effects.
"""

from __future__ import annotations

import email.utils
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Self, TypeVar

import httpx
import tenacity

from codex_infra.errors import UsageError

log = logging.getLogger(__name__)
T = TypeVar("T")
# Transport errors of a request that cannot be sent as it is: the same again fails the same way.
_NEVER_SENT = (httpx.UnsupportedProtocol, httpx.LocalProtocolError)


@dataclass(frozen=True)
class Retry:
    """How patient to be with transient failures (tests make it fast)."""

    attempts: int = 5
    base_seconds: float = 1.0
    max_wait_seconds: float = 30.0
    #: Bound on the whole call: a wait that would pass it gives up at once instead.
    max_seconds: float = 120.0

    def call(
        self,
        fn: Callable[[], T],
        retry_on: Callable[[BaseException], bool],
        *,
        what: str = "",
        gave_up: Callable[[str], Exception] | None = None,
    ) -> T:
        """Call fn, retrying retry_on errors within these bounds, with one warning per retry.

        Waits as long as an error's `retry_after` asks, else backs off exponentially with jitter.
        Out of bounds, the last error is raised, or `gave_up(message)` from it.
        """
        backoff = tenacity.wait_random_exponential(self.base_seconds, self.max_wait_seconds)

        def wait(state: tenacity.RetryCallState) -> float:
            error = state.outcome and state.outcome.exception()
            asked: object = getattr(error, "retry_after", None)
            return asked if isinstance(asked, int | float) else backoff(state)

        def log_retry(state: tenacity.RetryCallState) -> None:
            error = state.outcome and state.outcome.exception()
            log.warning(
                "%s; retrying in %.1f s (attempt %d of %d)",
                f"{what}: {error}" if what else error,
                state.upcoming_sleep,
                state.attempt_number,
                self.attempts,
            )

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.attempts)
            | tenacity.stop_before_delay(self.max_seconds),
            wait=wait,
            retry=tenacity.retry_if_exception(retry_on),
            before_sleep=log_retry,
            reraise=gave_up is None,
        )
        try:
            return retrying(fn)
        except tenacity.RetryError as error:
            assert gave_up is not None  # else tenacity raised the last error itself
            last, number = error.last_attempt.exception(), error.last_attempt.attempt_number
            prefix = f"{what}: " if what else ""
            raise gave_up(f"{prefix}gave up after {number} attempts: {last}") from last


def retry_after(response: httpx.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date)."""
    raw = response.headers.get("retry-after", "")
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        seconds = (email.utils.parsedate_to_datetime(raw) - datetime.now(UTC)).total_seconds()
    except (TypeError, ValueError):
        return None
    return max(0.0, seconds)


def json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def detail(response: httpx.Response, message: str = "") -> str:
    """What a refusal says: the service's message, else the start of the body, else the reason,
    on one line."""
    return " ".join((message or response.text.strip()[:200] or response.reason_phrase).split())


def base_url(value: str, default: str, variable: str) -> str:
    """`value` (from the environment variable `variable`), or `default` when it is blank: an
    absolute http(s) URL with a host and nothing after the path, without a trailing slash. Anything
    else is the caller's mistake, refused before a request is made (retrying would not help)."""
    rule = f"{variable} must be an http(s) URL with a host, like https://api.example.com/v1"
    try:
        url = httpx.URL(value.strip() or default)
    except httpx.InvalidURL:
        raise UsageError(rule) from None
    if url.scheme not in ("http", "https") or not url.host or url.query or url.fragment:
        raise UsageError(rule)
    if url.userinfo:
        raise UsageError(f"{variable} must not hold credentials (the token is sent apart)")
    return str(url).rstrip("/")


def unset(*variables: str, env: Mapping[str, str] | None = None) -> list[str]:
    """Which of these credentials' variables are unset or blank: the ones `token` refuses."""
    source = os.environ if env is None else env
    return [variable for variable in variables if not source.get(variable, "").strip()]


def token(variable: str, env: Mapping[str, str] | None = None, why: str = "") -> str:
    """A credential from the environment, never a default: unset or blank is the caller's
    mistake, named (with `why` it is needed)."""
    source = os.environ if env is None else env
    if unset(variable, env=source):
        raise UsageError(f"{variable} is not set{why}")
    return source[variable].strip()


class BearerClient(ABC):
    """One service's API over one pool with a bearer token; subclasses name the errors."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        auth = {"Authorization": f"Bearer {token}", "User-Agent": "codex-infra"}
        self._http = httpx.Client(
            base_url=base_url,
            headers={**auth, **(headers or {})},
            timeout=timeout,
            transport=transport,
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._http.close()

    @abstractmethod
    def _no_answer(self, method: str, url: str, said: str, transient: bool) -> Exception:
        """`transient`: the request may have been sent, or may be next time (a refused or
        dropped connection, a timeout); not when it could never be (a URL or request that
        cannot be sent as it is)."""

    @abstractmethod
    def _refused(self, method: str, url: str, response: httpx.Response) -> Exception: ...

    def _send_once(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request; a successful response or the subclass's error."""
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TransportError as error:
            # The message of a transport error names the URL at most, never headers.
            said = f"{type(error).__name__}: {error}"
            transient = not isinstance(error, _NEVER_SENT)
            raise self._no_answer(method, url, said, transient) from None
        if response.is_error:
            raise self._refused(method, url, response)
        return response
