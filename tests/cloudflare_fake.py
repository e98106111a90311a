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

It also takes what a deploy sends (the engine tests' Cloudflare provider calls it through the same
SDK): a script's multipart upload (its `metadata` checked against the SDK's `Metadata`, bindings
kept as `keep_bindings` says, `secret_text` never given back), its settings, its workers.dev
subdomain, the assets upload session and upload (authorised by the session's token), custom
domains and Hyperdrive configs. A request body must fit the SDK's params type. `remove_script`
and `edit_binding` change the account behind a deploy's back (drift).

More endpoints: a handler and a `Route` in `ROUTES`.
"""

from __future__ import annotations

import base64
import collections.abc
import contextlib
import hashlib
import itertools
import json
import re
import threading
import time
import types
import typing
import uuid
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pydantic
import pytest
import typing_extensions
from cloudflare.types.hyperdrive import config_create_params, config_update_params
from cloudflare.types.hyperdrive.config_create_response import ConfigCreateResponse
from cloudflare.types.hyperdrive.config_get_response import ConfigGetResponse
from cloudflare.types.hyperdrive.config_update_response import ConfigUpdateResponse
from cloudflare.types.shared.pagination_info import PaginationInfo
from cloudflare.types.shared.response_info import ResponseInfo
from cloudflare.types.workers import (
    domain_list_params,
    domain_update_params,
    script_delete_params,
    script_list_params,
    script_update_params,
)
from cloudflare.types.workers.assets.upload_create_response import (
    UploadCreateResponse as AssetsUploadResponse,
)
from cloudflare.types.workers.domain_get_response import DomainGetResponse
from cloudflare.types.workers.domain_list_response import DomainListResponse
from cloudflare.types.workers.domain_update_response import DomainUpdateResponse
from cloudflare.types.workers.script_list_response import ScriptListResponse
from cloudflare.types.workers.script_update_response import ScriptUpdateResponse
from cloudflare.types.workers.scripts import (
    deployment_create_params,
    deployment_list_params,
    subdomain_create_params,
    version_list_params,
)
from cloudflare.types.workers.scripts.assets import upload_create_params as session_params
from cloudflare.types.workers.scripts.assets.upload_create_response import (
    UploadCreateResponse as SessionResponse,
)
from cloudflare.types.workers.scripts.deployment import Deployment
from cloudflare.types.workers.scripts.deployment_list_response import DeploymentListResponse
from cloudflare.types.workers.scripts.script_and_version_setting_get_response import (
    ScriptAndVersionSettingGetResponse,
)
from cloudflare.types.workers.scripts.subdomain_create_response import SubdomainCreateResponse
from cloudflare.types.workers.scripts.subdomain_delete_response import SubdomainDeleteResponse
from cloudflare.types.workers.scripts.subdomain_get_response import SubdomainGetResponse
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
    `result` (None: the API answers `result: null`); with `many`, of each element of it, a list;
    with `paged`, of each element of `result.items` (the SDK's V4 page). `body` is the SDK's params
    type the request's JSON body (or a multipart upload's `metadata`) must fit. `upload`: the
    bearer is an assets upload session's token, not the API token."""

    method: str
    rule: str  # a werkzeug rule under API_PREFIX
    handler: str  # the FakeCloudflare method: (account, request, **path args) -> result
    result: type[pydantic.BaseModel] | None
    many: bool = False
    paged: bool = False
    query: frozenset[str] = frozenset()
    body: Any = None
    upload: bool = False


SCRIPT_PATH = "/accounts/<account_id>/workers/scripts/<script_name>"
HYPERDRIVE_PATH = "/accounts/<account_id>/hyperdrive/configs"

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
        f"{SCRIPT_PATH}/versions",
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
        f"{SCRIPT_PATH}/deployments",
        "_list_deployments",
        DeploymentListResponse,
        query=_sdk_query(deployment_list_params.DeploymentListParams, "account_id"),
    ),
    Route(
        "POST",
        f"{SCRIPT_PATH}/deployments",
        "_create_deployment",
        Deployment,
        query=frozenset({"force"}),
    ),
    Route(
        "PUT",
        SCRIPT_PATH,
        "_upload_script",
        ScriptUpdateResponse,
        body=script_update_params.Metadata,
    ),
    Route(
        "DELETE",
        SCRIPT_PATH,
        "_delete_script",
        None,
        query=_sdk_query(script_delete_params.ScriptDeleteParams, "account_id", "script_name"),
    ),
    Route("GET", f"{SCRIPT_PATH}/settings", "_script_settings", ScriptAndVersionSettingGetResponse),
    Route(
        "POST",
        f"{SCRIPT_PATH}/subdomain",
        "_set_subdomain",
        SubdomainCreateResponse,
        body=subdomain_create_params.SubdomainCreateParams,
    ),
    Route("GET", f"{SCRIPT_PATH}/subdomain", "_get_subdomain", SubdomainGetResponse),
    Route("DELETE", f"{SCRIPT_PATH}/subdomain", "_delete_subdomain", SubdomainDeleteResponse),
    Route(
        "POST",
        f"{SCRIPT_PATH}/assets-upload-session",
        "_assets_session",
        SessionResponse,
        body=session_params.UploadCreateParams,
    ),
    Route(
        "POST",
        "/accounts/<account_id>/workers/assets/upload",
        "_assets_upload",
        AssetsUploadResponse,
        query=frozenset({"base64"}),
        upload=True,
    ),
    Route(
        "PUT",
        "/accounts/<account_id>/workers/domains",
        "_attach_domain",
        DomainUpdateResponse,
        body=domain_update_params.DomainUpdateParams,
    ),
    Route(
        "GET",
        "/accounts/<account_id>/workers/domains/<domain_id>",
        "_get_domain",
        DomainGetResponse,
    ),
    Route("DELETE", "/accounts/<account_id>/workers/domains/<domain_id>", "_detach_domain", None),
    Route(
        "POST",
        HYPERDRIVE_PATH,
        "_create_hyperdrive",
        ConfigCreateResponse,
        body=config_create_params.ConfigCreateParams,
    ),
    Route("GET", f"{HYPERDRIVE_PATH}/<hyperdrive_id>", "_get_hyperdrive", ConfigGetResponse),
    Route(
        "PUT",
        f"{HYPERDRIVE_PATH}/<hyperdrive_id>",
        "_update_hyperdrive",
        ConfigUpdateResponse,
        body=config_update_params.ConfigUpdateParams,
    ),
    Route("DELETE", f"{HYPERDRIVE_PATH}/<hyperdrive_id>", "_delete_hyperdrive", None),
)

# Path parameters, which the SDK's params types name but never send in a body.
_PATH_PARAMS = frozenset({"account_id", "script_name", "domain_id", "hyperdrive_id"})
_WRAPPERS = (typing_extensions.Required, typing_extensions.NotRequired, typing_extensions.Annotated)


def _unwrapped(hint: Any) -> Any:
    """The type under Required[...], NotRequired[...], Annotated[...] and Optional[...]."""
    while True:
        origin = typing.get_origin(hint)
        if origin in _WRAPPERS:
            hint = typing.get_args(hint)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(hint) if a is not type(None)]
            if len(members) != 1:
                return hint
            hint = members[0]
        else:
            return hint


def _is_typed_dict(hint: Any) -> bool:
    return isinstance(hint, type) and typing_extensions.is_typeddict(hint)


def _required(td: Any) -> set[str]:
    hints = typing_extensions.get_type_hints(td, include_extras=True)
    total = getattr(td, "__total__", True)
    return {
        key
        for key, hint in hints.items()
        if typing.get_origin(hint) is typing_extensions.Required
        or (total and typing.get_origin(hint) is not typing_extensions.NotRequired)
    }


def params_problems(value: Any, hint: Any, where: str = "body") -> list[str]:
    """Where `value` does not fit the SDK's params type `hint`: keys the TypedDicts do not declare
    (at any depth), required keys missing, a union member none fits. Scalars are not checked."""
    hint = _unwrapped(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(hint) if m is not type(None)]
        if not any(_is_typed_dict(_unwrapped(m)) for m in members):
            return []
        kind = cast(Json, value).get("type") if isinstance(value, dict) else None
        tagged = [m for m in members if _literal_type(_unwrapped(m)) == kind] if kind else []
        candidates = tagged or members
        return min((params_problems(value, m, where) for m in candidates), key=len)
    if _is_typed_dict(hint):
        if not isinstance(value, dict):
            return [f"{where} is not an object"]
        obj = cast(Json, value)
        hints = typing_extensions.get_type_hints(hint, include_extras=True)
        problems = [
            f"{where}.{k} is not in the SDK's {hint.__name__}" for k in obj if k not in hints
        ]
        problems += [
            f"{where}.{k} is required by the SDK's {hint.__name__}"
            for k in sorted(_required(hint) - _PATH_PARAMS)
            if k not in obj
        ]
        for key, item in obj.items():
            if key in hints:
                problems += params_problems(item, hints[key], f"{where}.{key}")
        return problems
    if origin in (list, collections.abc.Iterable, collections.abc.Sequence, typing.List):  # noqa: UP006
        (item_hint,) = typing.get_args(hint) or (Any,)
        if not isinstance(value, list):
            return [f"{where} is not a list"]
        return [
            p
            for i, v in enumerate(cast(list[Any], value))
            for p in params_problems(v, item_hint, f"{where}[{i}]")
        ]
    if origin in (dict, collections.abc.Mapping, typing.Dict):  # noqa: UP006
        args = typing.get_args(hint)
        if not isinstance(value, dict) or len(args) != 2:
            return [] if isinstance(value, dict) else [f"{where} is not an object"]
        return [
            p
            for k, v in cast(Json, value).items()
            for p in params_problems(v, args[1], f"{where}.{k}")
        ]
    return []


def _literal_type(td: Any) -> Any:
    """The value of a TypedDict's `type: Literal[...]` key: the tag of a binding's kind."""
    if not _is_typed_dict(td):
        return None
    hint = _unwrapped(typing_extensions.get_type_hints(td, include_extras=True).get("type"))
    args = typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else ()
    return args[0] if len(args) == 1 else None


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
    # What an upload set, by script name: the settings the API answers (bindings with their
    # secret texts, which it never answers), the modules' sha256 and the assets' hashes.
    settings: dict[str, Json] = field(default_factory=dict[str, Json])
    modules: dict[str, dict[str, str]] = field(default_factory=dict[str, dict[str, str]])
    assets: dict[str, set[str]] = field(default_factory=dict[str, set[str]])
    subdomains: dict[str, Json] = field(default_factory=dict[str, Json])
    hyperdrives: dict[str, Json] = field(default_factory=dict[str, Json])  # by id, password too
    uploaded: set[str] = field(default_factory=set[str])  # every asset hash the account holds


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
        # Assets upload sessions' tokens -> (account, hashes still to upload); completion
        # tokens -> (account, the manifest's hashes).
        self._sessions: dict[str, tuple[str, set[str]]] = {}
        self._completions: dict[str, tuple[str, set[str]]] = {}

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

    def add_account(self, account_id: str) -> None:
        """An account with nothing in it yet (requests naming any other account answer 404)."""
        with self._lock:
            self._account(account_id)

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

    def script(self, account_id: str, name: str) -> Json | None:
        """What an upload left of a script: its settings (secret texts included), `main_module`
        and `modules` (name -> sha256), `assets` (hashes); None if there is no such script."""
        with self._lock:
            account = self.accounts.get(account_id)
            if account is None or name not in account.scripts:
                return None
            return {
                **json.loads(json.dumps(account.settings.get(name, {}))),
                "modules": dict(account.modules.get(name, {})),
                "assets": sorted(account.assets.get(name, set())),
                "subdomain": dict(account.subdomains.get(name, {})),
            }

    def script_names(self, account_id: str) -> list[str]:
        with self._lock:
            account = self.accounts.get(account_id)
            return sorted(account.scripts) if account else []

    def remove_script(self, account_id: str, name: str) -> None:
        """Delete a script behind a deploy's back (the dashboard, wrangler delete)."""
        with self._lock:
            self._drop_script(self.accounts[account_id], name)

    def edit_binding(self, account_id: str, name: str, binding: str, **fields: Any) -> None:
        """Change one of a script's bindings behind a deploy's back (the dashboard)."""
        with self._lock:
            (entry,) = (
                b
                for b in self.accounts[account_id].settings[name]["bindings"]
                if b["name"] == binding
            )
            entry.update(fields)

    def domains(self, account_id: str) -> list[Json]:
        with self._lock:
            account = self.accounts.get(account_id)
            return [dict(d) for d in account.domains.values()] if account else []

    def hyperdrives(self, account_id: str) -> list[Json]:
        """Every config with its origin's password, which the API never answers."""
        with self._lock:
            account = self.accounts.get(account_id)
            return json.loads(json.dumps(list(account.hyperdrives.values()))) if account else []

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
        try:
            route, status, result = self._answer(request, call)
        finally:
            request.close()  # the uploaded parts' temporary files
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
        if not self._authorised(route, request):
            return route, 403, RefusalError(403, 10000, "Authentication error")
        if route.body is not None:
            problems = params_problems(_body(request), route.body)
            self.violations.extend(f"{call.method} {call.path}: {p}" for p in problems)
            if problems:
                return route, 400, RefusalError(400, 10021, "fake: body does not fit the SDK")
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

    def _authorised(self, route: Route, request: Request) -> bool:
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if route.upload:
            return bearer in self._sessions
        return bearer == self.token

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
        if route is not None and envelope.success and route.result is None:
            if body["result"] is not None:
                self.violations.append(f"{where}: result is not null")
        elif route is not None and envelope.success:
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
                    parsed = cast(type[pydantic.BaseModel], route.result).model_validate(item)
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

    def _drop_script(self, account: Account, name: str) -> None:
        for table in (
            account.scripts,
            account.settings,
            account.modules,
            account.assets,
            account.subdomains,
            account.versions,
            account.deployments,
        ):
            table.pop(name, None)

    def _upload_script(self, account: Account, request: Request, script_name: str) -> Json:
        """A new version of the script, deployed to all traffic, as the API's upload does."""
        metadata = cast(Json, _body(request))
        modules = {
            part.filename or key: hashlib.sha256(part.read()).hexdigest()
            for key, part in request.files.items(multi=True)
        }
        main = metadata.get("main_module")
        if main not in modules:
            raise RefusalError(400, 10021, f"main_module {main!r} is not among the uploaded parts")
        bindings = [dict(b) for b in metadata.get("bindings", [])]
        for binding in bindings:
            target = binding.get("service")
            if binding["type"] == "service" and target not in account.scripts:
                raise RefusalError(400, 10144, f"Could not find service {target!r}")
        previous = account.settings.get(script_name, {})
        named = {b["name"] for b in bindings}
        kept = set(metadata.get("keep_bindings", []))
        bindings += [
            b for b in previous.get("bindings", []) if b["type"] in kept and b["name"] not in named
        ]
        assets = account.assets.get(script_name, set())
        jwt = (metadata.get("assets") or {}).get("jwt")
        if jwt is not None:
            owner, hashes = self._completions.pop(jwt, ("", set[str]()))
            if owner != account.id:
                raise RefusalError(
                    400, 10021, "assets.jwt is not a completion token of this account"
                )
            assets = hashes
        elif metadata.get("assets") is None and not metadata.get("keep_assets"):
            assets = set()
        now = _now()
        record = account.scripts.get(script_name, {"created_on": now, "id": script_name})
        record.update(
            {
                "tag": uuid.uuid4().hex,
                "etag": hashlib.sha256(
                    json.dumps([modules, metadata], sort_keys=True).encode()
                ).hexdigest(),
                "handlers": ["fetch"],
                "has_assets": bool(assets),
                "has_modules": True,
                "compatibility_date": metadata.get("compatibility_date"),
                "compatibility_flags": metadata.get("compatibility_flags", []),
                "modified_on": now,
                "last_deployed_from": "api",
                "logpush": metadata.get("logpush", False),
                "usage_model": "standard",
            }
        )
        account.scripts[script_name] = record
        account.settings[script_name] = {
            "bindings": bindings,
            "compatibility_date": metadata.get("compatibility_date"),
            "compatibility_flags": metadata.get("compatibility_flags", []),
            "logpush": metadata.get("logpush", False),
            "observability": metadata.get("observability"),
            "tags": [],
            "tail_consumers": [],
            "usage_model": "standard",
            "main_module": main,
        }
        account.modules[script_name] = modules
        account.assets[script_name] = assets
        account.versions.setdefault(script_name, [])
        self._deploy(
            {self._version(account.id, script_name, "api"): 100}, account.id, script_name, "api"
        )
        fields = ScriptUpdateResponse.model_fields
        return {"startup_time_ms": 0, **{k: v for k, v in record.items() if k in fields}}

    def _delete_script(self, account: Account, request: Request, script_name: str) -> None:
        self._drop_script(account, self._script(account, script_name))

    def _script_settings(self, account: Account, request: Request, script_name: str) -> Json:
        """As the API answers them: a secret_text binding by its name only."""
        settings = dict(account.settings.get(self._script(account, script_name), {}))
        settings.pop("main_module", None)
        settings["bindings"] = [
            {k: v for k, v in b.items() if not (b["type"] == "secret_text" and k == "text")}
            for b in settings.get("bindings", [])
        ]
        return {k: v for k, v in settings.items() if v is not None}

    def _subdomain(self, account: Account, script_name: str) -> Json:
        default = {"enabled": False, "previews_enabled": False}
        return account.subdomains.setdefault(self._script(account, script_name), default)

    def _set_subdomain(self, account: Account, request: Request, script_name: str) -> Json:
        body = cast(Json, _body(request))
        subdomain = self._subdomain(account, script_name)
        subdomain["enabled"] = body["enabled"]
        subdomain["previews_enabled"] = body.get("previews_enabled", subdomain["previews_enabled"])
        return dict(subdomain)

    def _get_subdomain(self, account: Account, request: Request, script_name: str) -> Json:
        return dict(self._subdomain(account, script_name))

    def _delete_subdomain(self, account: Account, request: Request, script_name: str) -> Json:
        subdomain = self._subdomain(account, script_name)
        subdomain.update(enabled=False, previews_enabled=False)
        return dict(subdomain)

    def _assets_session(self, account: Account, request: Request, script_name: str) -> Json:
        """Buckets of the hashes the account does not hold yet; with none, at once the
        completion token a script upload redeems."""
        manifest: dict[str, Json] = cast(Json, _body(request))["manifest"]
        hashes = {entry["hash"] for entry in manifest.values()}
        missing = hashes - account.uploaded
        if not missing:
            return {"jwt": self._complete(account, hashes), "buckets": []}
        token = f"upload-{uuid.uuid4().hex}"
        self._sessions[token] = (account.id, set(missing))
        self._completions[f"pending-{token}"] = (account.id, hashes)
        return {"jwt": token, "buckets": [sorted(missing)]}

    def _complete(self, account: Account, hashes: set[str]) -> str:
        token = f"completion-{uuid.uuid4().hex}"
        self._completions[token] = (account.id, hashes)
        return token

    def _assets_upload(self, account: Account, request: Request) -> Json:
        token = request.headers["Authorization"].removeprefix("Bearer ")
        owner, missing = self._sessions[token]
        if owner != account.id or request.args.get("base64") != "true":
            raise RefusalError(400, 10021, "fake: upload outside its session, or not base64")
        for key, value in request.form.items():
            if key not in missing:
                raise RefusalError(400, 10021, f"hash {key} is not in this session's buckets")
            base64.b64decode(value, validate=True)
            missing.discard(key)
            account.uploaded.add(key)
        if missing:
            return {}
        del self._sessions[token]
        _, hashes = self._completions.pop(f"pending-{token}")
        return {"jwt": self._complete(account, hashes)}

    def _domain(self, account: Account, domain_id: str) -> Json:
        if domain_id not in account.domains:
            raise RefusalError(404, 100106, "Domain not found")
        return account.domains[domain_id]

    def _attach_domain(self, account: Account, request: Request) -> Json:
        """By hostname: a hostname already attached moves to the new service (an upsert)."""
        body = cast(Json, _body(request))
        self._script(account, body["service"])
        existing = next(
            (d for d in account.domains.values() if d["hostname"] == body["hostname"]), None
        )
        if existing is None:
            domain_id = f"{next(self._ids):032x}"
            existing = account.domains[domain_id] = {
                "id": domain_id,
                "cert_id": str(uuid.uuid4()),
                "environment": "production",
                "hostname": body["hostname"],
                "zone_id": body.get("zone_id", ""),
                "zone_name": body.get("zone_name")
                or body["hostname"].split(".", body["hostname"].count(".") - 1)[-1],
            }
        existing["service"] = body["service"]
        return dict(existing)

    def _get_domain(self, account: Account, request: Request, domain_id: str) -> Json:
        return dict(self._domain(account, domain_id))

    def _detach_domain(self, account: Account, request: Request, domain_id: str) -> None:
        del account.domains[self._domain(account, domain_id)["id"]]

    def _hyperdrive(self, account: Account, hyperdrive_id: str) -> Json:
        if hyperdrive_id not in account.hyperdrives:
            raise RefusalError(404, 2005, "Hyperdrive config not found")
        return account.hyperdrives[hyperdrive_id]

    @staticmethod
    def _shown(config: Json) -> Json:
        """The API never answers an origin's password."""
        origin = {k: v for k, v in config["origin"].items() if k != "password"}
        return {**config, "origin": origin}

    def _create_hyperdrive(self, account: Account, request: Request) -> Json:
        body = cast(Json, _body(request))
        now = _now()
        config = {**body, "id": uuid.uuid4().hex, "created_on": now, "modified_on": now}
        account.hyperdrives[config["id"]] = config
        return self._shown(config)

    def _get_hyperdrive(self, account: Account, request: Request, hyperdrive_id: str) -> Json:
        return self._shown(self._hyperdrive(account, hyperdrive_id))

    def _update_hyperdrive(self, account: Account, request: Request, hyperdrive_id: str) -> Json:
        config = self._hyperdrive(account, hyperdrive_id)
        kept = {k: config[k] for k in ("id", "created_on")}
        config.clear()
        config.update({**cast(Json, _body(request)), **kept, "modified_on": _now()})
        return self._shown(config)

    def _delete_hyperdrive(self, account: Account, request: Request, hyperdrive_id: str) -> None:
        del account.hyperdrives[self._hyperdrive(account, hyperdrive_id)["id"]]


def _body(request: Request) -> Any:
    """A JSON body, or a multipart upload's `metadata` part."""
    if request.mimetype == "multipart/form-data":
        raw = request.form.get("metadata")
        if raw is None and "metadata" in request.files:
            raw = request.files["metadata"].read().decode()
        return None if raw is None else json.loads(raw)
    return request.get_json(silent=True)


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
