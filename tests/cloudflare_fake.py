"""A stateful fake of the Cloudflare API endpoints codex-infra calls, on 127.0.0.1.

The contract is the official `cloudflare` Python SDK, generated from Cloudflare's OpenAPI schema.
Every answer is Cloudflare's envelope (`success`, `errors`, `messages`, `result`, `result_info`)
and is checked before it is sent: `result` must validate against the SDK model the client parses
it with, with no field the model does not declare, and errors against the SDK's `ResponseInfo`.
Every request must carry the token as a bearer, match a route and send only the query parameters
the SDK's params type declares. A breach is recorded in `violations`; `fake_cloudflare` fails the
test on any.

    with fake_cloudflare(monkeypatch) as fake:        # CLOUDFLARE_API_TOKEN/BASE_URL set
        fake.add_script(ACCOUNT, "codex-web-production")
        fake.add_domain(ACCOUNT, "codex.example.com", "codex-web-production", ZONE)
        fake.fail("GET", r"/workers/domains$", 403, 10000, "Authentication error")
        ...
        assert fake.count("GET", r"/workers/scripts$") == 1

More endpoints (rollback: versions, deployments): a handler and a `Route` in `ROUTES`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import threading
import uuid
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pydantic
import pytest
from cloudflare.types.shared.pagination_info import PaginationInfo
from cloudflare.types.shared.response_info import ResponseInfo
from cloudflare.types.workers import domain_list_params, script_list_params
from cloudflare.types.workers.domain_list_response import DomainListResponse
from cloudflare.types.workers.script_list_response import ScriptListResponse
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

Json = dict[str, Any]
API_PREFIX = "/client/v4"
DEFAULT_TOKEN = "fake-cloudflare-token-0123456789"


def _sdk_query(params: type, *path_params: str) -> frozenset[str]:
    """The query parameters an SDK params TypedDict declares, less those that go in the path."""
    return frozenset(params.__annotations__) - set(path_params)


@dataclass(frozen=True)
class Route:
    """One endpoint: what it answers (`result` model; a list of them if `many`) and accepts."""

    method: str
    rule: str  # a werkzeug rule under API_PREFIX
    handler: str  # the FakeCloudflare method: (account, request, **path args) -> result
    result: type[pydantic.BaseModel]
    many: bool = False
    query: frozenset[str] = frozenset()


ROUTES = (
    Route(
        "GET",
        "/accounts/<account_id>/workers/scripts",
        "_list_scripts",
        ScriptListResponse,
        many=True,
        query=_sdk_query(script_list_params.ScriptListParams, "account_id"),
    ),
    Route(
        "GET",
        "/accounts/<account_id>/workers/domains",
        "_list_domains",
        DomainListResponse,
        many=True,
        query=_sdk_query(domain_list_params.DomainListParams, "account_id"),
    ),
)


class _Envelope(pydantic.BaseModel, extra="forbid"):
    """Cloudflare's v4 envelope; the SDK's `ResponseInfo` for errors and messages."""

    success: bool
    errors: list[ResponseInfo]
    messages: list[ResponseInfo]
    result: Any
    result_info: PaginationInfo | None = None


def _undeclared(value: Any, where: str) -> list[str]:
    """Fields the SDK's models only let through (extra="allow"): the fake must not invent any."""
    if isinstance(value, pydantic.BaseModel):
        found = [f"{where}.{key}" for key in value.model_extra or {}]
        for name in type(value).model_fields:
            found += _undeclared(getattr(value, name), f"{where}.{name}")
        return found
    if isinstance(value, list):
        return [v for i, item in enumerate(value) for v in _undeclared(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [v for k, item in value.items() for v in _undeclared(item, f"{where}.{k}")]
    return []


class RefusalError(Exception):
    """Raised by a handler: Cloudflare's error envelope with this status and code."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class Call:
    method: str
    path: str  # without API_PREFIX
    query: dict[str, str]
    headers: dict[str, str]
    status: int = 0


@dataclass
class Fault:
    method: str
    path: re.Pattern[str]
    status: int
    code: int
    message: str
    times: int


@dataclass
class Account:
    id: str
    scripts: dict[str, Json] = field(default_factory=dict[str, Json])  # by name
    domains: dict[str, Json] = field(default_factory=dict[str, Json])  # by id


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class FakeCloudflare:
    def __init__(self, token: str = DEFAULT_TOKEN) -> None:
        self.token = token
        self.accounts: dict[str, Account] = {}
        self.requests: list[Call] = []
        self.violations: list[str] = []
        self.faults: list[Fault] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server: BaseWSGIServer | None = None
        self._routes = {f"{r.method} {r.rule}": r for r in ROUTES}
        self._urls = Map(
            [Rule(r.rule, methods=[r.method], endpoint=key) for key, r in self._routes.items()]
        )

    # Life cycle -----------------------------------------------------------------------

    def __enter__(self) -> FakeCloudflare:
        self._server = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def __exit__(self, *_: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "FakeCloudflare is not started"
        return f"http://127.0.0.1:{self._server.server_port}{API_PREFIX}"

    # Seeding and inspection -----------------------------------------------------------

    def _account(self, account_id: str) -> Account:
        return self.accounts.setdefault(account_id, Account(account_id))

    def add_script(self, account_id: str, name: str) -> None:
        """A script as `wrangler deploy` leaves it: ES modules, a fetch handler."""
        now = _now()
        with self._lock:
            self._account(account_id).scripts[name] = {
                "id": name,
                "tag": uuid.uuid4().hex,
                "etag": uuid.uuid4().hex * 2,
                "handlers": ["fetch"],
                "has_assets": False,
                "has_modules": True,
                "compatibility_date": "2025-06-01",
                "compatibility_flags": ["nodejs_compat"],
                "created_on": now,
                "modified_on": now,
                "last_deployed_from": "wrangler",
                "logpush": False,
                "usage_model": "standard",
            }

    def add_domain(
        self, account_id: str, hostname: str, service: str, zone_id: str, zone_name: str = ""
    ) -> str:
        """A Workers custom domain; returns its id."""
        domain_id = f"{next(self._ids):032x}"
        with self._lock:
            self._account(account_id).domains[domain_id] = {
                "id": domain_id,
                "cert_id": str(uuid.uuid4()),
                "environment": "production",
                "hostname": hostname,
                "service": service,
                "zone_id": zone_id,
                "zone_name": zone_name or hostname.split(".", hostname.count(".") - 1)[-1],
            }
        return domain_id

    def fail(
        self, method: str, path: str, status: int, code: int, message: str, *, times: int = 1
    ) -> None:
        """The next `times` requests matching `method` and the regex `path` get this error."""
        with self._lock:
            self.faults.append(Fault(method, re.compile(path), status, code, message, times))

    def count(self, method: str | None = None, path: str | None = None) -> int:
        return sum(
            1
            for c in self.requests
            if (method is None or c.method == method) and (path is None or re.search(path, c.path))
        )

    # HTTP -----------------------------------------------------------------------------

    def _wsgi(self, environ: Any, start_response: Any) -> Any:
        request = Request(environ)
        call = Call(
            request.method,
            request.path.removeprefix(API_PREFIX),
            dict(request.args),
            dict(request.headers),
        )
        with self._lock:
            self.requests.append(call)
        route, status, result = self._answer(request, call)
        body = self._envelope(status, result)
        self._check(call, route, status, body)
        call.status = status
        response = Response(json.dumps(body), status=status, content_type="application/json")
        return response(environ, start_response)

    def _answer(self, request: Request, call: Call) -> tuple[Route | None, int, Any]:
        adapter = self._urls.bind("127.0.0.1", path_info=call.path)
        try:
            key, matched = adapter.match(method=request.method)
        except HTTPException as error:
            self.violations.append(f"fake does not implement {call.method} {call.path}")
            return None, error.code or 404, RefusalError(404, 7000, "No route for that URI")
        route = self._routes[str(key)]
        unknown = sorted(set(call.query) - route.query)
        if unknown:
            self.violations.append(f"{call.method} {call.path}: query {unknown} not in the SDK")
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return route, 403, RefusalError(403, 10000, "Authentication error")
        with self._lock:
            fault = next(
                (
                    f
                    for f in self.faults
                    if f.times > 0 and f.method == call.method and f.path.search(call.path)
                ),
                None,
            )
            if fault is not None:
                fault.times -= 1
                return route, fault.status, RefusalError(fault.status, fault.code, fault.message)
            args = dict(matched)
            account = self.accounts.get(args.pop("account_id"))
            if account is None:
                message = (
                    f"Could not route to {call.path}, perhaps your object identifier is invalid?"
                )
                return route, 404, RefusalError(404, 7003, message)
            handler: Callable[..., Any] = getattr(self, route.handler)
            try:
                return route, 200, handler(account, request, **args)
            except RefusalError as refusal:
                return route, refusal.status, refusal

    @staticmethod
    def _envelope(status: int, result: Any) -> Json:
        if isinstance(result, RefusalError):
            error = {"code": result.code, "message": result.message}
            return {"success": False, "errors": [error], "messages": [], "result": None}
        return {"success": True, "errors": [], "messages": [], "result": result}

    def _check(self, call: Call, route: Route | None, status: int, body: Json) -> None:
        """The answer as the SDK would read it, before it is sent."""
        where = f"response {status} to {call.method} {call.path}"
        try:
            envelope = _Envelope.model_validate(body)
        except pydantic.ValidationError as error:
            self.violations.append(f"{where}: envelope: {error}")
            return
        if envelope.success != (200 <= status < 300) or envelope.success == bool(envelope.errors):
            self.violations.append(f"{where}: success and errors disagree with the status")
        problems = _undeclared(envelope.errors + envelope.messages, "errors")
        if route is not None and envelope.success:
            items = body["result"] if route.many else [body["result"]]
            if not isinstance(items, list):
                self.violations.append(f"{where}: result is not a list")
                return
            for index, item in enumerate(items):
                try:
                    parsed = route.result.model_validate(item)
                except pydantic.ValidationError as error:
                    self.violations.append(f"{where}: result[{index}]: {error}")
                    continue
                problems += _undeclared(parsed, f"result[{index}]")
        self.violations.extend(f"{where}: {p} is not in the SDK's model" for p in problems)

    # Cloudflare behaviour (called with the lock held) ---------------------------------

    def _list_scripts(self, account: Account, request: Request) -> list[Json]:
        if "tags" in request.args:
            self.violations.append("fake does not implement the scripts list's tags filter")
        return [dict(s) for s in account.scripts.values()]

    def _list_domains(self, account: Account, request: Request) -> list[Json]:
        """Filtered by every given parameter, as equality."""
        wanted = dict(request.args)
        return [
            dict(d)
            for d in account.domains.values()
            if all(d.get(key) == value for key, value in wanted.items())
        ]


@contextlib.contextmanager
def fake_cloudflare(monkeypatch: pytest.MonkeyPatch) -> Generator[FakeCloudflare]:
    """A started fake with CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL set for it; fails the test
    on any breach of the SDK's contract."""
    with FakeCloudflare() as fake:
        monkeypatch.setenv("CLOUDFLARE_API_TOKEN", fake.token)
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", fake.base_url)
        yield fake
    assert fake.violations == [], "requests or responses broke the Cloudflare SDK's contract"
