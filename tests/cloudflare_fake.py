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

Each script has versions and deployments (newest first): `add_script` leaves one of each, as a
first `wrangler deploy` does; `deploy` adds a version deployed to all traffic (what `pulumi up`
does with a WorkersScript), `upload` one that is not deployed (`wrangler versions upload`).

More endpoints: a handler and a `Route` in `ROUTES`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pydantic
import pytest
from cloudflare.types.shared.pagination_info import PaginationInfo
from cloudflare.types.shared.response_info import ResponseInfo
from cloudflare.types.workers import domain_list_params, script_list_params
from cloudflare.types.workers.domain_list_response import DomainListResponse
from cloudflare.types.workers.script_list_response import ScriptListResponse
from cloudflare.types.workers.scripts import (
    deployment_create_params,
    deployment_list_params,
    version_list_params,
)
from cloudflare.types.workers.scripts.deployment import Deployment
from cloudflare.types.workers.scripts.deployment_list_response import DeploymentListResponse
from cloudflare.types.workers.scripts.version_list_response import VersionListResponse
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from tests.loopback import LoopbackServer

Json = dict[str, Any]
API_PREFIX = "/client/v4"
DEFAULT_TOKEN = "fake-cloudflare-token-0123456789"


def _sdk_query(params: type, *path_params: str) -> frozenset[str]:
    """The query parameters an SDK params TypedDict declares, less those that go in the path."""
    return frozenset(params.__annotations__) - set(path_params)


@dataclass(frozen=True)
class Route:
    """One endpoint: what it answers and accepts. `result` is the SDK's model of the answer's
    `result`; with `many`, of each element of it, a list; with `paged`, of each element of
    `result.items` (the SDK's V4 page)."""

    method: str
    rule: str  # a werkzeug rule under API_PREFIX
    handler: str  # the FakeCloudflare method: (account, request, **path args) -> result
    result: type[pydantic.BaseModel]
    many: bool = False
    paged: bool = False
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
    Route(
        "GET",
        "/accounts/<account_id>/workers/scripts/<script_name>/versions",
        "_list_versions",
        VersionListResponse,
        paged=True,
        query=_sdk_query(version_list_params.VersionListParams, "account_id"),
    ),
    # The API answers `result: {deployments: [...]}` (Cloudflare's API reference; wrangler's
    # fetchLatestDeployments reads `result.deployments`): the SDK's DeploymentListResponse. SDK
    # 5.9.0's `deployments.list` wraps that model in its V4 page (`result.items`), which this
    # answer does not fill: see codex_infra/rollback.py.
    Route(
        "GET",
        "/accounts/<account_id>/workers/scripts/<script_name>/deployments",
        "_list_deployments",
        DeploymentListResponse,
        query=_sdk_query(deployment_list_params.DeploymentListParams, "account_id"),
    ),
    Route(
        "POST",
        "/accounts/<account_id>/workers/scripts/<script_name>/deployments",
        "_create_deployment",
        Deployment,
        query=frozenset({"force"}),
    ),
)

# What the SDK sends in a deployment's body (`force` goes in the query), nested keys included.
_DEPLOYMENT_BODY = frozenset(deployment_create_params.DeploymentCreateParams.__annotations__) - {
    "account_id",
    "force",
}
_DEPLOYMENT_VERSION = frozenset(deployment_create_params.Version.__annotations__)
_DEPLOYMENT_ANNOTATIONS = frozenset({"workers/message"})  # Annotations' alias of workers_message


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
    # time.perf_counter() when it arrived and when its answer was ready.
    arrived: float = field(default_factory=time.perf_counter)
    answered: float = 0.0


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
    # By script name, newest first, as the API lists them.
    versions: dict[str, list[Json]] = field(default_factory=dict[str, list[Json]])
    deployments: dict[str, list[Json]] = field(default_factory=dict[str, list[Json]])


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


AUTHOR = "ops@example.com"
NO_SUCH_SCRIPT = (10007, "This Worker does not exist on your account.")


class FakeCloudflare:
    def __init__(self, token: str = DEFAULT_TOKEN) -> None:
        self.token = token
        self.accounts: dict[str, Account] = {}
        self.requests: list[Call] = []
        self.violations: list[str] = []
        self.faults: list[Fault] = []
        self._ids = itertools.count(1)
        self._clock = datetime.now(UTC)
        self._lock = threading.Lock()
        self._http = LoopbackServer(self._wsgi, "FakeCloudflare")
        self._routes = {f"{r.method} {r.rule}": r for r in ROUTES}
        self._urls = Map(
            [Rule(r.rule, methods=[r.method], endpoint=key) for key, r in self._routes.items()]
        )

    # Life cycle -----------------------------------------------------------------------

    def __enter__(self) -> FakeCloudflare:
        self._http.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._http.stop()

    @property
    def base_url(self) -> str:
        return self._http.url(API_PREFIX)

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
            self._deploy({self._version(account_id, name, "wrangler"): 100}, account_id, name)

    def deploy(self, account_id: str, name: str, source: str = "terraform") -> str:
        """A new version serving all traffic, as an upload of the script leaves it; its id."""
        with self._lock:
            version_id = self._version(account_id, name, source)
            self._deploy({version_id: 100}, account_id, name, source)
        return version_id

    def upload(self, account_id: str, name: str) -> str:
        """A new version that serves nothing (`wrangler versions upload`); its id."""
        with self._lock:
            return self._version(account_id, name, "wrangler")

    def split(self, account_id: str, name: str, percentages: dict[str, float]) -> None:
        """A gradual deployment: traffic split between versions."""
        with self._lock:
            self._deploy(percentages, account_id, name, "wrangler")

    def serving(self, account_id: str, name: str) -> dict[str, float]:
        """Version id -> percentage of the script's latest deployment."""
        (latest, *_) = self.accounts[account_id].deployments[name]
        return {v["version_id"]: v["percentage"] for v in latest["versions"]}

    def _version(self, account_id: str, name: str, source: str) -> str:
        versions = self._account(account_id).versions.setdefault(name, [])
        stamp = self._tick()
        versions.insert(
            0,
            {
                "id": str(uuid.uuid4()),
                "number": len(versions) + 1,
                "metadata": {
                    "author_email": AUTHOR,
                    "author_id": uuid.uuid4().hex,
                    "created_on": stamp,
                    "modified_on": stamp,
                    "source": source,
                    "hasPreview": False,
                },
            },
        )
        return versions[0]["id"]

    def _deploy(
        self,
        percentages: dict[str, float],
        account_id: str,
        name: str,
        source: str = "wrangler",
        message: str | None = None,
    ) -> Json:
        deployment: Json = {
            "id": str(uuid.uuid4()),
            "created_on": self._tick(),
            "source": source,
            "strategy": "percentage",
            "versions": [{"percentage": p, "version_id": v} for v, p in percentages.items()],
            "author_email": AUTHOR,
        }
        if message is not None:
            deployment["annotations"] = {"workers/message": message}
        self._account(account_id).deployments.setdefault(name, []).insert(0, deployment)
        return deployment

    def _tick(self) -> str:
        """Now, strictly later than the last time given: the order of events is their times'."""
        self._clock = max(datetime.now(UTC), self._clock + timedelta(milliseconds=1))
        return self._clock.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

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
        call.status, call.answered = status, time.perf_counter()
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
            if route.paged:
                page = body["result"]
                if not isinstance(page, dict) or set(cast(Json, page)) != {"items"}:
                    self.violations.append(f"{where}: result is not a page of items")
                    return
                items = cast(Json, page)["items"]
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

    def _script(self, account: Account, script_name: str) -> str:
        if script_name not in account.scripts:
            raise RefusalError(404, *NO_SUCH_SCRIPT)
        return script_name

    def _list_versions(self, account: Account, request: Request, script_name: str) -> Json:
        """deployable=true: every deployable version, no pagination (all of them are here)."""
        if request.args.get("deployable") != "true":
            self.violations.append("fake implements the versions list with deployable=true only")
        return {"items": [dict(v) for v in account.versions[self._script(account, script_name)]]}

    def _list_deployments(self, account: Account, request: Request, script_name: str) -> Json:
        if request.args:
            self.violations.append("fake does not implement the deployments list's parameters")
        return {
            "deployments": [
                dict(d) for d in account.deployments[self._script(account, script_name)]
            ]
        }

    def _create_deployment(self, account: Account, request: Request, script_name: str) -> Json:
        """Only what the SDK sends is taken; codex-infra checks the versions before it deploys,
        so a deployment that is not 100% of known versions is a violation, not an answer."""
        script = self._script(account, script_name)
        body: Any = request.get_json(silent=True)
        problems = _deployment_problems(body)
        percentages: dict[str, float] = {}
        if not problems:
            percentages = {e["version_id"]: e["percentage"] for e in body["versions"]}
            known = {v["id"] for v in account.versions[script]}
            if sum(percentages.values()) != 100 or not set(percentages) <= known:
                problems.append(f"{percentages} is not 100% of known versions")
        if problems:
            self.violations.append(f"POST deployment of {script}: {'; '.join(problems)}")
            raise RefusalError(400, 10000, "fake: refused deployment")
        message = body.get("annotations", {}).get("workers/message")
        return dict(self._deploy(percentages, account.id, script, "api", message))


def _deployment_problems(body: Any) -> list[str]:
    """Where a deployment's body is not what the SDK's DeploymentCreateParams give."""
    if not isinstance(body, dict):
        return ["the body is not a JSON object"]
    body = cast(Json, body)
    problems = [f"unknown key {k!r}" for k in sorted(set(body) - _DEPLOYMENT_BODY)]
    if body.get("strategy") != "percentage":
        problems.append(f"strategy {body.get('strategy')!r}")
    versions: Any = body.get("versions")
    if not isinstance(versions, list) or not versions:
        return [*problems, "no versions"]
    for entry in cast(list[Any], versions):
        if not isinstance(entry, dict) or set(cast(Json, entry)) ^ _DEPLOYMENT_VERSION:
            problems.append(f"version entry {entry!r}")
    annotations: Any = body.get("annotations", {})
    if not isinstance(annotations, dict) or set(cast(Json, annotations)) - _DEPLOYMENT_ANNOTATIONS:
        problems.append(f"annotations {annotations!r}")
    return problems


@contextlib.contextmanager
def fake_cloudflare(monkeypatch: pytest.MonkeyPatch) -> Generator[FakeCloudflare]:
    """A started fake with CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL set for it; fails the test
    on any breach of the SDK's contract."""
    with FakeCloudflare() as fake:
        monkeypatch.setenv("CLOUDFLARE_API_TOKEN", fake.token)
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", fake.base_url)
        yield fake
    assert fake.violations == [], "requests or responses broke the Cloudflare SDK's contract"
