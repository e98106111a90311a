"""A stateful fake of Neon API v2 on 127.0.0.1 that checks both sides against Neon's spec.

Every request it receives and every response it sends is validated with openapi-core
against the OpenAPI file Neon publishes, so code tested here talks to the real contract.
A contract breach is recorded in `FakeNeon.violations`; the `fake_neon` helper fails the
test on any. Use it from a test module with `pytest_plugins = ["neon_fake"]`:

    def test_x(fake_neon: FakeNeon) -> None:
        fake_neon.add_project("proj-1")                 # default branch "main"
        fake_neon.add_branch("proj-1", "preview/pr-7")  # seeded, ready
        fake_neon.inject("POST", r"/branches$", 500, after_effect=True)
        ...                                             # NEON_API_HOST/KEY are set
        assert fake_neon.count("POST") == 2
        assert fake_neon.branch_names("proj-1") == ["main", "preview/pr-7"]
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.exceptions import OpenAPIError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from tests.loopback import LoopbackServer

Json = dict[str, Any]
#: A route of the fake: (project, request, **path args) -> (status, body or None).
Handler = Callable[..., tuple[int, Json | None]]

API_PREFIX = "/api/v2"
#: Endpoint fields a create or an update may set.
_ENDPOINT_SETTINGS = frozenset(
    {"autoscaling_limit_min_cu", "autoscaling_limit_max_cu", "suspend_timeout_seconds"}
)

DEFAULT_API_KEY = "fake-neon-key-0123456789"

#: Timings that keep provider tests fast; set by the `fake_neon` fixture.
FAST_ENV = {
    "NEON_HTTP_TIMEOUT": "2",
    "NEON_RETRY_ATTEMPTS": "5",
    "NEON_RETRY_MAX_SECONDS": "10",
    "NEON_RETRY_BASE_SECONDS": "0.01",
    "NEON_RETRY_MAX_WAIT_SECONDS": "0.05",
    "NEON_OPERATION_TIMEOUT": "5",
    "NEON_OPERATION_POLL_SECONDS": "0.01",
}


_BRANCH = "/projects/<project_id>/branches/<branch_id>"
#: What the fake answers ("METHOD path", werkzeug's rule syntax): the part of Neon's API the
#: project uses, and all that `tests/neon_spec.py` keeps of Neon's published spec.
ROUTES = (
    "GET /projects/<project_id>/branches",
    "POST /projects/<project_id>/branches",
    "GET /projects/<project_id>/branches/count",
    f"GET {_BRANCH}",
    f"PATCH {_BRANCH}",
    f"DELETE {_BRANCH}",
    f"POST {_BRANCH}/restore",
    f"GET {_BRANCH}/endpoints",
    "PATCH /projects/<project_id>/endpoints/<endpoint_id>",
    "GET /projects/<project_id>/connection_uri",
    "GET /projects/<project_id>/operations",
    "GET /projects/<project_id>/operations/<operation_id>",
)
#: Neon's published OpenAPI document, cut to ROUTES (see `tests/neon_spec.py`).
SPEC = Path(__file__).resolve().parent / "data" / "neon-openapi.json"


def spec_path() -> Path:
    """NEON_OPENAPI_SPEC (e.g. the whole published document), else the cut kept in tests/data."""
    return Path(os.environ.get("NEON_OPENAPI_SPEC") or SPEC)


@functools.cache
def load_openapi(path: Path) -> OpenAPI:
    """Parse the spec once per process (about a second); servers become the local prefix."""
    spec = json.loads(path.read_text())
    spec["servers"] = [{"url": API_PREFIX}]
    return OpenAPI.from_dict(spec)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Call:
    """One request the fake received, with the status it answered (0 until it answers)."""

    method: str
    path: str
    query: dict[str, str]
    status: int
    body: Any = None  # the JSON a request sent


@dataclass
class Fault:
    """An answer to force on the next `times` requests matching method and path."""

    method: str
    path: re.Pattern[str]
    status: int
    times: int = 1
    retry_after: str | None = None
    after_effect: bool = False
    delay: float = 0.0
    code: str = ""
    message: str = "injected fault"

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method == method and bool(self.path.search(path))

    def response(self) -> Response:
        response = _json(self.status, {"code": self.code, "message": self.message})
        if self.retry_after is not None:
            response.headers["Retry-After"] = self.retry_after
        return response


@dataclass
class Operation:
    data: Json
    polls_left: int
    fail: bool


@dataclass
class Project:
    """State of one Neon project: branches, endpoints, operations, its one role and database."""

    id: str
    database: str
    role: str
    password: str
    branch_limit: int
    branches: dict[str, Json] = field(default_factory=dict[str, Json])
    endpoints: dict[str, Json] = field(default_factory=dict[str, Json])
    annotations: dict[str, dict[str, str]] = field(default_factory=dict[str, dict[str, str]])
    #: Names of soft-deleted branches (deleted without hard_delete), still taken.
    held_names: set[str] = field(default_factory=set[str])
    operations: dict[str, Operation] = field(default_factory=dict[str, Operation])

    def named(self, name: str) -> Json | None:
        return next((b for b in self.branches.values() if b["name"] == name), None)


class _RefusalError(Exception):
    """Raised by a handler to answer with Neon's error shape."""

    def __init__(self, status: int, message: str, code: str = "") -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


def _json(status: int, body: Json | None) -> Response:
    if body is None:
        return Response(status=status)
    return Response(json.dumps(body), status=status, content_type="application/json")


class FakeNeon:
    """Fake Neon API v2 server; see the module docstring for use."""

    def __init__(self, openapi: OpenAPI, api_key: str = DEFAULT_API_KEY) -> None:
        self.openapi = openapi
        self.api_key = api_key
        self.projects: dict[str, Project] = {}
        self.requests: list[Call] = []
        self.violations: list[str] = []
        self.faults: list[Fault] = []
        #: Polls of GET operation before an operation reports finished (1: at the first).
        self.operation_polls = 1
        #: The status of a refusal for the branch limit: the spec fixes none (422 and 409 seen).
        self.limit_status = 422
        #: Given a new branch's id, the `host:port` its endpoint names (the spec types `host` as a
        #: string): a real PostgreSQL's, so that connection strings reach a database.
        self.endpoint_host: Callable[[str], str] | None = None
        self._fail_actions: set[str] = set()
        self._ids = itertools.count(100001)
        self._lock = threading.Lock()
        self._http = LoopbackServer(self._wsgi, "FakeNeon")
        handlers = (
            self._list,
            self._create,
            self._count,
            self._get,
            self._patch,
            self._delete,
            self._restore,
            self._endpoints,
            self._patch_endpoint,
            self._connection_uri,
            self._operations,
            self._operation,
        )
        self._handlers: dict[str, Handler] = dict(zip(ROUTES, handlers, strict=True))
        self._urls = Map(
            [
                Rule(key.split(" ")[1], methods=[key.split(" ")[0]], endpoint=key)
                for key in self._handlers
            ]
        )

    # Life cycle -----------------------------------------------------------------------

    def start(self) -> FakeNeon:
        self._http.start()
        return self

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> FakeNeon:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def api_host(self) -> str:
        return self._http.url(API_PREFIX)

    def env(self) -> dict[str, str]:
        """Environment for code under test: where the fake is and its key."""
        return {"NEON_API_HOST": self.api_host, "NEON_API_KEY": self.api_key}

    # Seeding and inspection -----------------------------------------------------------

    def add_project(
        self,
        project_id: str,
        *,
        default_branch: str = "main",
        database: str = "neondb",
        role: str = "neondb_owner",
        branch_limit: int = 10,
        password: str | None = None,
    ) -> Project:
        """A project with its default branch (with a read-write endpoint); `password` is its
        role's (random unless given)."""
        with self._lock:
            project = Project(
                project_id, database, role, password or f"pw-{uuid.uuid4().hex[:12]}", branch_limit
            )
            self.projects[project_id] = project
            self._new_branch(project, default_branch, None, default=True)
        return project

    def add_branch(
        self,
        project_id: str,
        name: str,
        *,
        parent: str = "main",
        protected: bool = False,
        expires_at: str | None = None,
    ) -> str:
        """A ready branch (parent given by name) with a read-write endpoint; returns its id."""
        with self._lock:
            project = self.projects[project_id]
            parent_branch = project.named(parent)
            assert parent_branch is not None, f"no parent branch {parent}"
            branch = self._new_branch(project, name, parent_branch["id"], protected=protected)
            if expires_at is not None:
                branch["expires_at"] = expires_at
            return branch["id"]

    def remove_branch(self, project_id: str, name: str) -> None:
        """Delete a branch behind the client's back (as the console or expiry would)."""
        with self._lock:
            project = self.projects[project_id]
            branch = project.named(name)
            assert branch is not None, f"no branch {name}"
            self._drop(project, branch["id"])

    def edit_branch(self, project_id: str, name: str, **fields: Any) -> None:
        """Change a branch behind the client's back (e.g. expires_at set in the console)."""
        with self._lock:
            branch = self.projects[project_id].named(name)
            assert branch is not None, f"no branch {name}"
            branch.update(fields)

    def branches(self, project_id: str) -> list[Json]:
        with self._lock:
            return [dict(b) for b in self.projects[project_id].branches.values()]

    def branch_names(self, project_id: str) -> list[str]:
        return sorted(b["name"] for b in self.branches(project_id))

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """Requests received, filtered by method and by a regex searched in the path."""
        return sum(
            1
            for call in self.requests
            if (method is None or call.method == method)
            and (path is None or re.search(path, call.path))
        )

    # Fault injection ------------------------------------------------------------------

    def inject(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int = 1,
        retry_after: str | None = None,
        after_effect: bool = False,
        delay: float = 0.0,
        code: str = "",
        message: str = "injected fault",
    ) -> None:
        """Answer the next `times` matching requests with `status`.

        after_effect: do the work first, then answer with the fault (a write that took
        effect but whose answer failed). delay: answer only after that many seconds (with
        a short client timeout this is a lost answer).
        """
        self.faults.append(
            Fault(
                method,
                re.compile(path),
                status,
                times,
                retry_after,
                after_effect,
                delay,
                code,
                message,
            )
        )

    def start_operation(self, project_id: str, name: str, action: str = "create_timeline") -> str:
        """An operation on the named branch that runs until polled `operation_polls` times."""
        with self._lock:
            project = self.projects[project_id]
            branch = project.named(name)
            assert branch is not None, f"no branch {name}"
            return str(self._operation_for(project, action, branch["id"], None)["id"])

    def fail_operations(self, action: str) -> None:
        """Operations with this action (e.g. start_compute) end as failed from now on."""
        self._fail_actions.add(action)

    # HTTP -----------------------------------------------------------------------------

    def _wsgi(self, environ: Any, start_response: Any) -> Any:
        request = Request(environ)
        call = Call(
            request.method,
            request.path.removeprefix(API_PREFIX),
            dict(request.args),
            0,
            request.get_json(silent=True),
        )
        with self._lock:
            self.requests.append(call)
        response = self._answer(request)
        self._check_response(request, response)
        call.status = response.status_code
        return response(environ, start_response)

    def _answer(self, request: Request) -> Response:
        path = request.path.removeprefix(API_PREFIX)
        with self._lock:
            fault = next((f for f in self.faults if f.matches(request.method, path)), None)
            if fault is not None:
                fault.times -= 1
        try:
            self.openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except OpenAPIError as error:
            self.violations.append(f"request {request.method} {path}: {error}")
            return _json(400, {"code": "", "message": f"invalid request: {error}"})
        if request.headers.get("Authorization") != f"Bearer {self.api_key}":
            return _json(401, {"code": "", "message": "authentication required"})
        if fault is not None and not fault.after_effect:
            time.sleep(fault.delay)
            return fault.response()
        response = self._route(request)
        if fault is None:
            return response
        time.sleep(fault.delay)
        return fault.response()

    def _route(self, request: Request) -> Response:
        adapter = self._urls.bind("127.0.0.1", path_info=request.path.removeprefix(API_PREFIX))
        try:
            key, matched = adapter.match(method=request.method)
        except HTTPException as error:
            self.violations.append(f"fake does not implement {request.method} {request.path}")
            return _json(error.code or 404, {"code": "", "message": "not implemented by the fake"})
        args = dict(matched)
        handler = self._handlers[str(key)]
        with self._lock:
            project = self.projects.get(args.pop("project_id"))
            try:
                if project is None:
                    raise _RefusalError(404, "project not found")
                status, body = handler(project, request, **args)
            except _RefusalError as refusal:
                status, body = refusal.status, {"code": refusal.code, "message": refusal.message}
        return _json(status, body)

    def _check_response(self, request: Request, response: Response) -> None:
        try:
            self.openapi.validate_response(
                WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response)
            )
        except OpenAPIError as error:
            self.violations.append(
                f"response {response.status_code} to {request.method}"
                f" {request.path.removeprefix(API_PREFIX)}: {error}"
            )

    # Neon behaviour (called with the lock held) ---------------------------------------

    def _id(self, prefix: str) -> str:
        return f"{prefix}-fake-{next(self._ids)}"

    def _new_branch(
        self,
        project: Project,
        name: str,
        parent_id: str | None,
        *,
        default: bool = False,
        protected: bool = False,
        state: str = "ready",
    ) -> Json:
        now = _now()
        branch: Json = {
            "id": self._id("br"),
            "project_id": project.id,
            "name": name,
            "current_state": state,
            "state_changed_at": now,
            "creation_source": "console",
            "created_at": now,
            "updated_at": now,
            "default": default,
            "protected": protected,
            "cpu_used_sec": 0,
            "active_time_seconds": 0,
            "compute_time_seconds": 0,
            "written_data_bytes": 0,
            "data_transfer_bytes": 0,
            "init_source": "parent-data",
        }
        if parent_id is not None:
            branch.update(parent_id=parent_id, parent_lsn="0/1DE2850")
        project.branches[branch["id"]] = branch
        endpoint_id = self._id("ep")
        project.endpoints[endpoint_id] = {
            "host": self.endpoint_host(branch["id"])
            if self.endpoint_host is not None
            else f"{endpoint_id}.c-2.us-east-2.aws.neon.tech",
            "id": endpoint_id,
            "project_id": project.id,
            "branch_id": branch["id"],
            "autoscaling_limit_min_cu": 0.25,
            "autoscaling_limit_max_cu": 0.25,
            "region_id": "aws-us-east-2",
            "type": "read_write",
            "current_state": "idle" if state == "ready" else "init",
            "settings": {"pg_settings": {}},
            "pooler_enabled": False,
            "pooler_mode": "transaction",
            "disabled": False,
            "passwordless_access": True,
            "creation_source": "console",
            "created_at": now,
            "updated_at": now,
            "proxy_host": "c-2.us-east-2.aws.neon.tech",
            "suspend_timeout_seconds": 0,
            "provisioner": "k8s-neonvm",
        }
        return branch

    def _annotations(self, project: Project, branches: list[Json]) -> Json:
        return {
            b["id"]: {
                "object": {"type": "console/branch", "id": b["id"]},
                "value": dict(project.annotations.get(b["id"], {})),
            }
            for b in branches
        }

    def _has_children(self, project: Project, branch_id: str) -> bool:
        return any(b.get("parent_id") == branch_id for b in project.branches.values())

    def _running(self, project: Project, branch_id: str) -> bool:
        return any(
            op.data["branch_id"] == branch_id and op.data["status"] == "running"
            for op in project.operations.values()
        )

    def _endpoints_of(self, project: Project, branch_id: str) -> list[Json]:
        return [e for e in project.endpoints.values() if e["branch_id"] == branch_id]

    def _operation_for(
        self, project: Project, action: str, branch_id: str, endpoint_id: str | None
    ) -> Json:
        now = _now()
        data: Json = {
            "id": str(uuid.uuid4()),
            "project_id": project.id,
            "branch_id": branch_id,
            "action": action,
            "status": "running",
            "failures_count": 0,
            "created_at": now,
            "updated_at": now,
            "total_duration_ms": 0,
        }
        if endpoint_id is not None:
            data["endpoint_id"] = endpoint_id
        project.operations[data["id"]] = Operation(
            data, self.operation_polls, action in self._fail_actions
        )
        return dict(data)

    def _branch_of(self, project: Project, branch_id: str) -> Json:
        branch = project.branches.get(branch_id)
        if branch is None:
            raise _RefusalError(404, f"branch {branch_id} not found")
        return branch

    def _drop(self, project: Project, branch_id: str) -> None:
        del project.branches[branch_id]
        for endpoint in self._endpoints_of(project, branch_id):
            del project.endpoints[endpoint["id"]]

    def _list(self, project: Project, request: Request) -> tuple[int, Json]:
        """Insertion order unless sort_by is given; pages of `limit` with an opaque cursor.

        Like a server that cannot look ahead, a full page always carries `next`, so a
        client must also stop at an empty page.
        """
        search = request.args.get("search", "")
        branches = [
            dict(b) for b in project.branches.values() if search in b["name"] or search in b["id"]
        ]
        sort_by = request.args.get("sort_by")
        if sort_by is not None:
            branches.sort(
                key=lambda b: (b[sort_by], b["id"]),
                reverse=request.args.get("sort_order", "desc") == "desc",
            )
        body: Json = {"branches": branches, "annotations": self._annotations(project, branches)}
        if "limit" not in request.args:
            return 200, body
        limit = int(request.args["limit"])
        cursor = request.args.get("cursor", "")
        start = 0
        if cursor:
            match = re.fullmatch(r"fake-cursor-([0-9]+)", cursor)
            if match is None:
                raise _RefusalError(400, f"invalid cursor {cursor!r}")
            start = int(match.group(1))
        body["branches"] = branches[start : start + limit]
        body["pagination"] = {"sort_by": sort_by or "updated_at"}
        if len(body["branches"]) == limit:
            body["pagination"]["next"] = f"fake-cursor-{start + limit}"
        return 200, body

    def _count(self, project: Project, request: Request) -> tuple[int, Json]:
        search = request.args.get("search", "")
        return 200, {"count": sum(1 for b in project.branches.values() if search in b["name"])}

    def _get(self, project: Project, _request: Request, branch_id: str) -> tuple[int, Json]:
        branch = self._branch_of(project, branch_id)
        annotation = self._annotations(project, [branch])[branch_id]
        return 200, {"branch": dict(branch), "annotation": annotation}

    def _create(self, project: Project, request: Request) -> tuple[int, Json]:
        body: Json = request.get_json()
        wanted: Json = body.get("branch", {})
        name: str = wanted.get("name") or self._id("br")
        parent_id: str = wanted.get("parent_id") or next(
            b["id"] for b in project.branches.values() if b["default"]
        )
        self._branch_of(project, parent_id)
        if project.named(name) is not None or name in project.held_names:
            raise _RefusalError(
                409, f"branch with name {name!r} already exists", "BRANCH_ALREADY_EXISTS"
            )
        if len(project.branches) >= project.branch_limit:
            raise _RefusalError(
                self.limit_status, "branches limit exceeded", "BRANCHES_LIMIT_EXCEEDED"
            )
        if wanted.get("protected") and wanted.get("expires_at"):
            raise _RefusalError(400, "expires_at cannot be set on a protected branch")
        schema_only = wanted.get("init_source") == "schema-only"
        branch = self._new_branch(
            project,
            name,
            None if schema_only else parent_id,  # Neon: a new root branch, no parent kept
            protected=bool(wanted.get("protected")),
            state="init",
        )
        branch["init_source"] = wanted.get("init_source", "parent-data")
        if "expires_at" in wanted:
            branch["expires_at"] = wanted["expires_at"]
        endpoints = self._endpoints_of(project, branch["id"])
        for option in body.get("endpoints", []):
            endpoints[0].update({k: v for k, v in option.items() if k in _ENDPOINT_SETTINGS})
        if "annotation_value" in body:
            project.annotations[branch["id"]] = dict(body["annotation_value"])
        operations = [self._operation_for(project, "create_timeline", branch["id"], None)]
        operations += [
            self._operation_for(project, "start_compute", branch["id"], e["id"]) for e in endpoints
        ]
        now = _now()
        host = endpoints[0]["host"]
        first, _, rest = host.partition(".")
        parameters = {
            "database": project.database,
            "password": project.password,
            "role": project.role,
            "host": host,
            "pooler_host": f"{first}-pooler.{rest}",
        }
        return 201, {
            "branch": dict(branch),
            "endpoints": [dict(e) for e in endpoints],
            "operations": operations,
            "roles": [
                {
                    "branch_id": branch["id"],
                    "name": project.role,
                    "protected": False,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
            "databases": [
                {
                    "id": next(self._ids),
                    "branch_id": branch["id"],
                    "name": project.database,
                    "owner_name": project.role,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
            "connection_uris": [
                {
                    "connection_uri": f"postgresql://{project.role}:{project.password}@{host}/{project.database}?sslmode=require",
                    "connection_parameters": parameters,
                }
            ],
        }

    def _patch(self, project: Project, request: Request, branch_id: str) -> tuple[int, Json]:
        branch = self._branch_of(project, branch_id)
        if self._running(project, branch_id):
            raise _RefusalError(423, "project already has running conflicting operations")
        changes: Json = request.get_json()["branch"]
        protected = changes.get("protected", branch["protected"])
        expires_at = changes.get("expires_at", branch.get("expires_at"))
        if expires_at is not None and (protected or branch["default"]):
            raise _RefusalError(400, "expires_at cannot be set on a protected or default branch")
        if changes.get("expires_at") is not None and self._has_children(project, branch_id):
            raise _RefusalError(400, "expires_at cannot be set on a branch with children")
        branch.update(protected=protected, updated_at=_now())
        if expires_at is None:
            branch.pop("expires_at", None)
        else:
            branch["expires_at"] = expires_at
        return 200, {"branch": dict(branch), "operations": []}

    def _delete(
        self, project: Project, request: Request, branch_id: str
    ) -> tuple[int, Json | None]:
        branch = project.branches.get(branch_id)
        if branch is None:
            return 204, None
        if branch["default"] or branch["protected"]:
            raise _RefusalError(400, "cannot delete the default or a protected branch")
        if self._has_children(project, branch_id):
            raise _RefusalError(400, "cannot delete a branch that has children")
        endpoints = self._endpoints_of(project, branch_id)
        operations = [
            self._operation_for(project, "suspend_compute", branch_id, e["id"]) for e in endpoints
        ]
        operations.append(self._operation_for(project, "delete_timeline", branch_id, None))
        self._drop(project, branch_id)
        if request.args.get("hard_delete") != "true":
            # Neon's soft delete: the branch is no longer listed but keeps its name for 7 days.
            project.held_names.add(branch["name"])
        return 200, {"branch": dict(branch), "operations": operations}

    def _restore(self, project: Project, request: Request, branch_id: str) -> tuple[int, Json]:
        """Reset to another branch's head (Neon: the source's data replaces the branch's)."""
        branch = self._branch_of(project, branch_id)
        body: Json = request.get_json()
        source = body["source_branch_id"]
        self._branch_of(project, source)
        if source == branch_id and not (body.get("source_lsn") or body.get("source_timestamp")):
            raise _RefusalError(400, "restoring a branch from itself needs a timestamp or an LSN")
        has_children = any(b.get("parent_id") == branch_id for b in project.branches.values())
        if has_children and not body.get("preserve_under_name"):
            raise _RefusalError(400, "a branch with children needs preserve_under_name")
        branch.update(updated_at=_now(), last_reset_at=_now())
        endpoints = self._endpoints_of(project, branch_id)
        operations = [self._operation_for(project, "create_timeline", branch_id, None)]
        operations += [
            self._operation_for(project, "start_compute", branch_id, e["id"]) for e in endpoints
        ]
        return 200, {"branch": dict(branch), "operations": operations}

    def _patch_endpoint(
        self, project: Project, request: Request, endpoint_id: str
    ) -> tuple[int, Json]:
        endpoint = project.endpoints.get(endpoint_id)
        if endpoint is None:
            raise _RefusalError(404, f"endpoint {endpoint_id} not found")
        changes: Json = request.get_json()["endpoint"]
        endpoint.update({k: v for k, v in changes.items() if k in _ENDPOINT_SETTINGS})
        endpoint["updated_at"] = _now()
        operation = self._operation_for(project, "apply_config", endpoint["branch_id"], endpoint_id)
        return 200, {"endpoint": dict(endpoint), "operations": [operation]}

    def _endpoints(self, project: Project, _request: Request, branch_id: str) -> tuple[int, Json]:
        self._branch_of(project, branch_id)
        return 200, {"endpoints": [dict(e) for e in self._endpoints_of(project, branch_id)]}

    def _connection_uri(self, project: Project, request: Request) -> tuple[int, Json]:
        branch_id = request.args.get("branch_id") or next(
            b["id"] for b in project.branches.values() if b["default"]
        )
        self._branch_of(project, branch_id)
        endpoints = {e["id"]: e for e in self._endpoints_of(project, branch_id)}
        endpoint = endpoints.get(
            request.args.get("endpoint_id", ""), next(iter(endpoints.values()), None)
        )
        if endpoint is None:
            raise _RefusalError(404, f"no endpoint on branch {branch_id}")
        if request.args["database_name"] != project.database:
            raise _RefusalError(404, f"database {request.args['database_name']!r} not found")
        if request.args["role_name"] != project.role:
            raise _RefusalError(404, f"role {request.args['role_name']!r} not found")
        host: str = endpoint["host"]
        if request.args.get("pooled") == "true":
            first, _, rest = host.partition(".")
            host = f"{first}-pooler.{rest}"
        uri = f"postgresql://{project.role}:{project.password}@{host}/{project.database}?sslmode=require"
        return 200, {"uri": uri}

    def _operations(self, project: Project, request: Request) -> tuple[int, Json]:
        """The newest first, one page of `limit`."""
        limit = int(request.args.get("limit", "10"))
        newest = [dict(op.data) for op in reversed(project.operations.values())][:limit]
        return 200, {"operations": newest}

    def _operation(
        self, project: Project, _request: Request, operation_id: str
    ) -> tuple[int, Json]:
        operation = project.operations.get(operation_id)
        if operation is None:
            raise _RefusalError(404, f"operation {operation_id} not found")
        data = operation.data
        if data["status"] == "running":
            operation.polls_left -= 1
            if operation.polls_left <= 0:
                data.update(status="failed" if operation.fail else "finished", updated_at=_now())
                if operation.fail:
                    data.update(error="compute failed to start", failures_count=1)
                elif data["action"] == "create_timeline" and data["branch_id"] in project.branches:
                    project.branches[data["branch_id"]]["current_state"] = "ready"
        return 200, {"operation": dict(data)}


@contextlib.contextmanager
def fake_neon(monkeypatch: pytest.MonkeyPatch) -> Generator[FakeNeon]:
    """A started fake with NEON_* set for it (fast timings); fails the test on any spec breach.
    Wrap it in a fixture of the test module."""
    with FakeNeon(load_openapi(spec_path())) as fake:
        for name, value in {**FAST_ENV, **fake.env()}.items():
            monkeypatch.setenv(name, value)
        yield fake
    assert fake.violations == [], "requests or responses broke Neon's OpenAPI contract"
