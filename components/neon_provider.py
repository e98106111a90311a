"""Pulumi dynamic provider for one Neon branch with its read-write endpoint.

The provider object holds no state: dill pickles it into the Pulumi state by reference,
and the engine's provider process imports this module again later. Credentials and
timeouts therefore come from the environment on every call (see `NeonSettings`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, ParamSpec, TypeVar
from urllib.parse import quote

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)
from pulumi.runtime.rpc import UNKNOWN

from components.neon_api import (
    Json,
    NeonClient,
    NeonConnectionError,
    NeonError,
    NeonHTTPError,
    NeonNotFoundError,
    with_retries,
)

log = logging.getLogger(__name__)

#: Inputs whose change means another branch.
REPLACE_KEYS = (
    "project_id",
    "parent_branch",
    "branch_name",
    "database_name",
    "role_name",
    "init_source",
)
#: Neon's `init_source` for a branch with its parent's schema and no rows (a new root branch).
SCHEMA_ONLY = "schema-only"
#: The read-write endpoint's settings, as our inputs and as Neon's fields.
ENDPOINT_KEYS = {
    "min_cu": "autoscaling_limit_min_cu",
    "max_cu": "autoscaling_limit_max_cu",
    "suspend_timeout_seconds": "suspend_timeout_seconds",
}
#: Inputs Neon can change in place (PATCH of the branch, or of its endpoint). `annotations`
#: records the branch's origin at create: later deploys neither diff nor change it.
UPDATE_KEYS = ("expires_at", "protected", *ENDPOINT_KEYS)
#: A deploy moves a preview's expiry only when the new one is further than a tenth of the time it
#: gives the branch (at most an hour) from the one Neon has: the program computes it from the
#: clock on every run, and a move of seconds would make every run an update (see _expiry_moved).
EXPIRY_SLACK_SHARE = 10
EXPIRY_SLACK_MAX = timedelta(hours=1)
OUTPUT_KEYS = (
    "branch_id",
    "endpoint_id",
    "host",
    "pooler_host",
    "database_url",
    "direct_database_url",
)


class NeonBranchError(NeonError):
    """The branch cannot be managed as asked (wrong parent, protected, not found...)."""


class NeonBranchLimitError(NeonBranchError):
    """Neon refused a new branch because the project has as many as its plan allows."""


@dataclass(frozen=True)
class BranchSpec:
    """The inputs of a NeonBranch resource."""

    project_id: str
    branch_name: str
    parent_branch: str | None
    database_name: str
    role_name: str
    expires_at: str | None = None
    # Neon's own branch protection; None leaves it as it is in Neon (e.g. set in the console).
    protected: bool | None = None
    # SCHEMA_ONLY: the parent's schema without its rows; None: schema and rows (parent-data).
    init_source: str | None = None
    # The read-write endpoint's compute units and scale-to-zero delay; None: Neon's defaults.
    min_cu: float | None = None
    max_cu: float | None = None
    suspend_timeout_seconds: int | None = None
    # Neon's annotation of who made the branch (PR, commit), as its create-branch action sets.
    annotations: dict[str, str] | None = None

    @classmethod
    def from_props(cls, props: dict[str, Any]) -> BranchSpec:
        return cls(
            project_id=props["project_id"],
            branch_name=props["branch_name"],
            parent_branch=props.get("parent_branch"),
            database_name=props["database_name"],
            role_name=props["role_name"],
            expires_at=props.get("expires_at"),
            protected=props.get("protected"),
            init_source=props.get("init_source"),
            min_cu=props.get("min_cu"),
            max_cu=props.get("max_cu"),
            suspend_timeout_seconds=props.get("suspend_timeout_seconds"),
            annotations=props.get("annotations"),
        )

    def endpoint_settings(self) -> Json:
        """Neon's fields for the settings given; the others stay as Neon has them."""
        return {
            wire: getattr(self, key)
            for key, wire in ENDPOINT_KEYS.items()
            if getattr(self, key) is not None
        }

    @property
    def is_production(self) -> bool:
        """No parent means production's default branch: adopted, never created or deleted."""
        return self.parent_branch is None

    def describe(self) -> str:
        return f"Neon branch {self.branch_name!r} in project {self.project_id}"


def _parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return parsed


def _same_time(a: str | None, b: str | None) -> bool:
    """Compare RFC 3339 values by instant: Neon may write them differently than we did."""
    if a is None or b is None:
        return a is b
    try:
        return _parse_time(a) == _parse_time(b)
    except ValueError:
        return a == b


def _expiry_moved(old: str | None, new: str | None, now: datetime) -> bool:
    """Whether a deploy moves the expiry: set or cleared, or further from the one applied (the
    state's output, which refresh reads from Neon) than the slack. Within the slack nothing
    changes, so the branch does not update and its connection strings, which the migrations and
    every Worker take, stay known in a preview (a dynamic provider cannot preview an update)."""
    if old is None or new is None:
        return old is not new
    try:
        applied, wanted = _parse_time(old), _parse_time(new)
    except ValueError:
        return old != new
    slack = min(EXPIRY_SLACK_MAX, (wanted - now) / EXPIRY_SLACK_SHARE)
    return abs(wanted - applied) > slack


def _changed(key: str, old: Any, new: Any, now: datetime) -> bool:
    if key == "expires_at":
        return _expiry_moved(old, new, now)
    if key == "protected":
        return new is not None and bool(old) != new
    if key in ENDPOINT_KEYS:
        return new is not None and old != new
    return old != new


def _rfc3339(value: str | None) -> str | None:
    if value is None:
        return None
    return _parse_time(value).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _setting_changes(branch: Json, spec: BranchSpec) -> Json:
    """Fields of the PATCH that makes the live branch match the spec. Production's default
    branch is only adopted: never altered, so protection set in the console stays."""
    changes: Json = {}
    if spec.is_production:
        return changes
    if not _same_time(branch.get("expires_at"), spec.expires_at):
        changes["expires_at"] = spec.expires_at
    if spec.protected is not None and bool(branch.get("protected", False)) != spec.protected:
        changes["protected"] = spec.protected
    return changes


def _endpoint_changes(endpoint: Json, spec: BranchSpec) -> Json:
    """Fields of the endpoint PATCH that makes the live endpoint match the spec (never
    production's: adopted as it is)."""
    if spec.is_production:
        return {}
    return {k: v for k, v in spec.endpoint_settings().items() if endpoint.get(k) != v}


def _pooler_host(host: str) -> str:
    first, dot, rest = host.partition(".")
    return f"{first}-pooler{dot}{rest}"


def _url(spec: BranchSpec, password: str, host: str) -> str:
    user, secret, database = (
        quote(s, safe="") for s in (spec.role_name, password, spec.database_name)
    )
    return f"postgresql://{user}:{secret}@{host}/{database}?sslmode=require"


def _outputs(spec: BranchSpec, branch: Json, endpoint: Json, password: str) -> dict[str, Any]:
    host: str = endpoint["host"]
    pooler = _pooler_host(host)
    return {
        **asdict(spec),
        "branch_id": branch["id"],
        "endpoint_id": endpoint["id"],
        "host": host,
        "pooler_host": pooler,
        "database_url": _url(spec, password, pooler),
        "direct_database_url": _url(spec, password, host),
    }


def _read_write_endpoint(spec: BranchSpec, endpoints: list[Json]) -> Json:
    for endpoint in endpoints:
        if endpoint["type"] == "read_write":
            return endpoint
    raise NeonBranchError(
        f"{spec.describe()} has no read-write endpoint: add one in the Neon console"
    )


def _is_branch_limit(error: NeonHTTPError) -> bool:
    """Neon's spec gives limits no status: public code sees BRANCHES_LIMIT_EXCEEDED and
    ROOT_BRANCHES_LIMIT_EXCEEDED with 422 and with 409, so the code decides, whatever the status."""
    code, message = error.code.upper(), error.neon_message.lower()
    if "BRANCHES_LIMIT" in code:
        return True
    return 400 <= error.status < 500 and "branch" in message and "limit" in message


def _ambiguous_write(error: BaseException) -> bool:
    """The create may or may not have happened (5xx, no answer) or raced another one (409)."""
    return (isinstance(error, NeonConnectionError) and error.transient) or (
        isinstance(error, NeonHTTPError) and (error.status >= 500 or error.status == 409)
    )


class _Branches:
    """The operations of one provider call, over one client."""

    def __init__(self, neon: NeonClient, spec: BranchSpec) -> None:
        self.neon = neon
        self.spec = spec
        # Neon said the name exists (409) on an earlier attempt of this create.
        self._refused_as_existing = False

    def ensure(self) -> tuple[Json, Json, str]:
        """Adopt the branch if it exists, else create it; safe to repeat after any failure."""
        return with_retries(
            self.neon.settings,
            f"create {self.spec.describe()}",
            _ambiguous_write,
            self._ensure_once,
        )

    def _ensure_once(self) -> tuple[Json, Json, str]:
        spec = self.spec
        branches = self.neon.list_branches(spec.project_id)
        existing = next((b for b in branches if b["name"] == spec.branch_name), None)
        if spec.parent_branch is None:
            if existing is None or not existing.get("default", False):
                state = (
                    "does not exist" if existing is None else "is not the project's default branch"
                )
                raise NeonBranchError(
                    f"{spec.describe()} {state}: production's default branch is only adopted,"
                    " never created"
                )
            return self._adopt(existing)
        parent = next((b for b in branches if spec.parent_branch in (b["id"], b["name"])), None)
        if parent is None:
            raise NeonBranchError(
                f"parent branch {spec.parent_branch!r} of {spec.describe()} does not exist"
            )
        if existing is not None:
            # A schema-only branch is a root branch: Neon keeps no parent for it.
            if spec.init_source != SCHEMA_ONLY and existing.get("parent_id") != parent["id"]:
                raise NeonBranchError(
                    f"{spec.describe()} already exists with another parent"
                    f" ({existing.get('parent_id')}, not {spec.parent_branch} = {parent['id']}):"
                    " delete or rename it, or fix parent_branch"
                )
            return self._adopt(existing)
        if self._refused_as_existing:
            # A race would show the branch now. A deleted branch kept for recovery may hold the
            # name unseen: retrying cannot help.
            raise NeonBranchError(
                f"cannot create {spec.describe()}: Neon says the name exists but lists no such"
                " branch. A deleted branch may still hold it (Neon keeps deleted branches"
                " recoverable for 7 days unless deleted with hard_delete): delete it for good"
                " in the Neon console, or rename the branch"
            )
        return self._create(parent, len(branches))

    def _create(self, parent: Json, branch_count: int) -> tuple[Json, Json, str]:
        spec = self.spec
        request: Json = {"name": spec.branch_name, "parent_id": parent["id"]}
        if spec.expires_at is not None:
            request["expires_at"] = _rfc3339(spec.expires_at)
        if spec.protected:
            request["protected"] = True
        if spec.init_source is not None:
            request["init_source"] = spec.init_source
        try:
            created = self.neon.create_branch(
                spec.project_id, request, spec.endpoint_settings(), spec.annotations
            )
        except NeonHTTPError as error:
            if _is_branch_limit(error):
                raise NeonBranchLimitError(
                    f"cannot create {spec.describe()}: the project's branch limit is reached"
                    f" ({branch_count} branches; Neon says: {error.neon_message})."
                    " Close old preview pull requests or run the reaper (`codex-infra reap`),"
                    " then retry"
                ) from None
            if error.status == 409:
                self._refused_as_existing = True
            raise
        log.info("created %s (%s)", spec.describe(), created["branch"]["id"])
        self.neon.wait_for_operations(spec.project_id, created["operations"])
        endpoint = _read_write_endpoint(spec, created["endpoints"])
        return created["branch"], endpoint, self._password(created, endpoint)

    def _password(self, created: Json, endpoint: Json) -> str:
        """Take the password from the create answer when it has our role and database."""
        for uri in created.get("connection_uris", []):
            params = uri["connection_parameters"]
            if (params["role"], params["database"]) == (
                self.spec.role_name,
                self.spec.database_name,
            ):
                password: str = params["password"]
                return password
        return self._connection_password(created["branch"], endpoint)

    def _connection_password(self, branch: Json, endpoint: Json) -> str:
        spec = self.spec
        try:
            return self.neon.connection_password(
                spec.project_id,
                branch["id"],
                endpoint["id"],
                spec.database_name,
                spec.role_name,
            )
        except NeonNotFoundError as error:
            raise NeonBranchError(
                f"{spec.describe()}: no database {spec.database_name!r}"
                f" with role {spec.role_name!r} ({error.neon_message})"
            ) from None

    def _adopt(self, branch: Json) -> tuple[Json, Json, str]:
        log.info("adopting existing %s (%s)", self.spec.describe(), branch["id"])
        # A re-run after a lost answer finds the branch still being made: let Neon finish first.
        self.neon.wait_for_branch(self.spec.project_id, branch["id"])
        changes = _setting_changes(branch, self.spec)
        if changes:
            branch = self.patch(branch["id"], changes)
        endpoint = _read_write_endpoint(
            self.spec, self.neon.list_endpoints(self.spec.project_id, branch["id"])
        )
        endpoint_changes = _endpoint_changes(endpoint, self.spec)
        if endpoint_changes:
            endpoint = self.patch_endpoint(endpoint["id"], endpoint_changes)
        return branch, endpoint, self._connection_password(branch, endpoint)

    def patch_endpoint(self, endpoint_id: str, changes: Json) -> Json:
        result = self.neon.update_endpoint(self.spec.project_id, endpoint_id, changes)
        self.neon.wait_for_operations(self.spec.project_id, result.get("operations", []))
        endpoint: Json = result["endpoint"]
        return endpoint

    def _refuse_with_children(
        self, branch_id: str, what: str, branches: list[Json] | None = None
    ) -> None:
        """Neon refuses to expire or delete a branch that others were made from: say so first."""
        if branches is None:
            branches = self.neon.list_branches(self.spec.project_id)
        children = sorted(b["name"] for b in branches if b.get("parent_id") == branch_id)
        if children:
            raise NeonBranchError(
                f"cannot {what} {self.spec.describe()} ({branch_id}): Neon refuses it while the"
                f" branch has child branches ({', '.join(children)}); delete those first"
            )

    def patch(self, branch_id: str, changes: Json) -> Json:
        if changes.get("expires_at") is not None:
            self._refuse_with_children(branch_id, "set expires_at on")
        result = self.neon.update_branch(self.spec.project_id, branch_id, changes)
        self.neon.wait_for_operations(self.spec.project_id, result["operations"])
        branch: Json = result["branch"]
        return branch

    def read(self, branch_id: str) -> tuple[Json, Json, str] | None:
        try:
            branch = self.neon.get_branch(self.spec.project_id, branch_id)
        except NeonNotFoundError:
            return None
        endpoint = _read_write_endpoint(
            self.spec, self.neon.list_endpoints(self.spec.project_id, branch_id)
        )
        return branch, endpoint, self._connection_password(branch, endpoint)

    def delete(self, branch_id: str) -> None:
        spec = self.spec
        branches = self.neon.list_branches(spec.project_id)
        branch = next((b for b in branches if b["id"] == branch_id), None)
        if branch is None:
            return
        if branch.get("default", False):
            raise NeonBranchError(
                f"refusing to delete {spec.describe()} ({branch_id}): it is the project's default"
            )
        if branch.get("protected", False):
            raise NeonBranchError(
                f"refusing to delete {spec.describe()} ({branch_id}): it is protected;"
                " set protected=False first"
            )
        self._refuse_with_children(branch_id, "delete", branches)
        self.neon.delete_branch(spec.project_id, branch_id)


def _check(news: dict[str, Any]) -> list[CheckFailure]:
    """Catch mistakes at preview time that Neon would only refuse during the update."""
    failures: list[CheckFailure] = []

    def known(key: str) -> Any:
        value = news.get(key)
        return None if value == UNKNOWN else value

    for key in ("project_id", "branch_name", "database_name", "role_name"):
        value = news.get(key)
        if value != UNKNOWN and (not isinstance(value, str) or not value):
            failures.append(CheckFailure(key, f"{key} must be a non-empty string"))
    expires_at = known("expires_at")
    if expires_at is not None:
        try:
            _parse_time(expires_at)
        except (TypeError, ValueError):
            failures.append(
                CheckFailure(
                    "expires_at",
                    f"expires_at must be RFC 3339 with a zone, got {expires_at!r}",
                )
            )
        if news.get("parent_branch") is None:
            failures.append(CheckFailure("expires_at", "production's default branch cannot expire"))
        if known("protected"):
            failures.append(
                CheckFailure("expires_at", "Neon refuses expires_at on a protected branch")
            )
    return failures


P = ParamSpec("P")
R = TypeVar("R")


def _reported(call: Callable[P, R]) -> Callable[P, R]:
    """Pulumi's dynamic-provider host sends the engine the whole traceback of what a call raises
    (about 40 lines of tenacity and httpx frames above our one-line message): a NeonError is
    raised afresh here, without its frames or its cause, so the message is what the user reads."""

    @functools.wraps(call)
    def entry(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return call(*args, **kwargs)
        except NeonError as error:
            raise error.with_traceback(None) from None

    return entry


class NeonBranchProvider(ResourceProvider):
    """Neon branch + read-write endpoint; outputs the pooled and direct connection URLs."""

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        return CheckResult(news, _check(news))

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> DiffResult:
        """Compare the program's inputs with the state's outputs (what was applied): the
        serialized provider (`__provider`) is not the branch."""
        now = datetime.now(UTC)
        replaces = [k for k in REPLACE_KEYS if _changed(k, _olds.get(k), _news.get(k), now)]
        updates = [k for k in UPDATE_KEYS if _changed(k, _olds.get(k), _news.get(k), now)]
        same_name = all(_olds.get(k) == _news.get(k) for k in ("project_id", "branch_name"))
        return DiffResult(
            changes=bool(replaces or updates),
            replaces=replaces,
            # The new branch would find (and adopt) the old one by name: delete it first.
            delete_before_replace=bool(replaces) and same_name,
        )

    @_reported
    def create(self, props: dict[str, Any]) -> CreateResult:
        spec = BranchSpec.from_props(props)
        with NeonClient.from_env() as neon:
            branch, endpoint, password = _Branches(neon, spec).ensure()
        return CreateResult(branch["id"], _outputs(spec, branch, endpoint, password))

    @_reported
    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        """Report the live branch; a branch deleted outside Pulumi reads as gone."""
        spec = BranchSpec.from_props(props)
        with NeonClient.from_env() as neon:
            live = _Branches(neon, spec).read(id_)
        if live is None:
            return ReadResult(None, {})
        branch, endpoint, password = live
        spec = replace(
            spec,
            branch_name=branch["name"],
            expires_at=_rfc3339(branch.get("expires_at")),
            protected=bool(branch.get("protected", False)),
            **{
                key: endpoint[wire]
                for key, wire in ENDPOINT_KEYS.items()
                if getattr(spec, key) is not None and wire in endpoint
            },
        )
        return ReadResult(id_, _outputs(spec, branch, endpoint, password))

    @_reported
    def update(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> UpdateResult:
        """Change expires_at, protected and the endpoint's settings in place; everything else
        replaces (see diff). The annotations stay those of the branch's creation."""
        spec = BranchSpec.from_props(_news)
        old = BranchSpec.from_props(_olds)
        changes = _setting_changes({"expires_at": old.expires_at, "protected": old.protected}, spec)
        endpoint_changes = _endpoint_changes(
            {wire: getattr(old, key) for key, wire in ENDPOINT_KEYS.items()}, spec
        )
        if changes or endpoint_changes:
            with NeonClient.from_env() as neon:
                branches = _Branches(neon, spec)
                if changes:
                    branches.patch(_id, changes)
                if endpoint_changes:
                    branches.patch_endpoint(_olds["endpoint_id"], endpoint_changes)
        outs = {k: _olds[k] for k in OUTPUT_KEYS}
        return UpdateResult({**asdict(spec), "annotations": old.annotations, **outs})

    @_reported
    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        """Delete the branch; already gone is success; production and protected ones stay."""
        spec = BranchSpec.from_props(_props)
        if spec.is_production:
            log.info(
                "leaving production's default %s in place: it is only ever adopted",
                spec.describe(),
            )
            return
        with NeonClient.from_env() as neon:
            _Branches(neon, spec).delete(_id)
