"""Stack settings: flat `codex:*` config keys, validated once at start-up, a model per concern.

Messages name the key and the rule broken; a value follows as `(got …)` only if it was not given
as a secret (`pulumi config set --secret`): a secret must not show, whole or in part.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

import pulumi
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    SecretStr,
    StringConstraints,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel, to_snake

from codex_infra.errors import UsageError
from components.bundle import Bundle, BundleError, check_assets, load_bundle
from components.naming import Kind, NamingError, Role, Stage, parse_stack
from components.plans import CLOUDFLARE_PLANS, NEON_PLANS, CloudflareLimits, NeonLimits

NAMESPACE = "codex"
T = TypeVar("T")
# Neon deletes a branch itself at expires_at; it accepts at most 30 days ahead.
MAX_PREVIEW_TTL_HOURS = 30 * 24
# Neon's docs (Autoscaling): "the maximum permitted autoscaling range is 8 CU".
MAX_AUTOSCALING_RANGE = 8
# Visual review: browser windows from a small phone to a 4K screen; a page list a run can afford.
MIN_VIEWPORT, MAX_VIEWPORT = 240, 3840
MAX_SHOTS = 200
MAX_PAGE_PATH = 2000

HexId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
DnsLabel = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
Hostname = Annotated[
    str,
    StringConstraints(
        max_length=253,
        pattern=r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$",
    ),
]
NeonName = Annotated[
    str, StringConstraints(min_length=1, max_length=63, pattern=r"^[A-Za-z0-9_-]+$")
]
NeonProjectId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)
]
CompatFlag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]


def utc_today() -> dt.date:
    """Cloudflare's today: a date that is already today east of Greenwich may not be there yet."""
    return dt.datetime.now(dt.UTC).date()


class ConfigError(pulumi.RunError, UsageError):
    """One line naming the key at fault; RunError makes Pulumi print it without a traceback, and
    codex-infra as a usage mistake. It quotes no value given as a secret, so whoever shows it need
    not redact it."""

    quotes_no_secret = True


class _Concern(BaseModel):
    """Keys are the camelCase config keys; each concern owns its own keys."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=to_camel, populate_by_name=True
    )


@dataclass(frozen=True)
class _Context:
    """What validation needs beyond the values: the stage and where the project lives."""

    stage: Stage
    root: Path


def _context(info: ValidationInfo) -> _Context:
    assert isinstance(info.context, _Context)
    return info.context


@cache
def repository_of(root: Path) -> Path:
    """How far the project's paths may reach: the git repository that holds it (a monorepo's
    `apps/web` beside its `infra/`), or the project itself outside any repository."""
    for directory in (root, *root.parents):
        if (directory / ".git").exists():
            return directory
    return root


def project_relative(value: str, info: ValidationInfo) -> str:
    """A path as the plan records it: relative to the project and normalised, so plans are the same
    on every checkout; `..` may reach anywhere inside the repository, never outside it."""
    root = _context(info).root
    if value == "" or PurePosixPath(value).is_absolute():
        raise ValueError("must be a path relative to the project")
    normal = posixpath.normpath(value)
    boundary = repository_of(root)
    if not Path(os.path.normpath(root / normal)).is_relative_to(boundary):
        where = "the project" if boundary == root else "the git repository that holds the project"
        raise ValueError(f"reaches outside {where}")
    return normal


def _project_dir(value: str, info: ValidationInfo) -> str:
    path = project_relative(value, info)
    if not (_context(info).root / path).is_dir():
        raise ValueError("names no directory")
    return path


class BundleSettings(_Concern):
    """Where one Worker's `wrangler deploy --dry-run --outdir` output lives."""

    dir: str
    main: str = "index.js"
    _bundle: Bundle = PrivateAttr()

    @field_validator("dir")
    @classmethod
    def _exists(cls, value: str, info: ValidationInfo) -> str:
        return _project_dir(value, info)

    @model_validator(mode="after")
    def _load(self, info: ValidationInfo) -> BundleSettings:
        """Read once here, so a bad bundle fails at start-up and nothing reads it twice."""
        try:
            self._bundle = load_bundle(_context(info).root / self.dir, self.dir, self.main)
        except BundleError as err:
            raise ValueError(str(err)) from None
        return self

    @property
    def bundle(self) -> Bundle:
        return self._bundle


class PerRole(_Concern, Generic[T]):
    """One value for each of the three Workers, keyed like the roles."""

    web: T
    auth: T
    stripe_webhook: T

    def for_role(self, role: Role) -> T:
        value: T = getattr(self, to_snake(role.value))
        return value


class CloudflareSettings(_Concern):
    cloudflare_account_id: HexId
    workers_dev_subdomain: DnsLabel
    zone_id: HexId | None = None
    hostnames: PerRole[Hostname] | None = None

    @model_validator(mode="after")
    def _domains_only_in_production(self, info: ValidationInfo) -> CloudflareSettings:
        stage = _context(info).stage
        for key, value in (("zoneId", self.zone_id), ("hostnames", self.hostnames)):
            if stage.is_production and value is None:
                raise ValueError(f"{NAMESPACE}:{key} is required in production")
            if not stage.is_production and value is not None:
                raise ValueError(f"{NAMESPACE}:{key} is only for production (custom domains)")
        return self


class NeonSettings(_Concern):
    neon_project_id: NeonProjectId
    neon_parent_branch: NeonName = "main"
    database_name: NeonName = "neondb"
    role_name: NeonName = "neondb_owner"
    preview_ttl_hours: int = Field(default=168, ge=1, le=MAX_PREVIEW_TTL_HOURS)


class WorkerSettings(_Concern):
    compatibility_date: dt.date
    compatibility_flags: tuple[CompatFlag, ...] = ("nodejs_compat",)
    bundles: PerRole[BundleSettings]
    assets_dir: str
    _asset_files: int = PrivateAttr()

    @field_validator("compatibility_date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
            raise ValueError("must be a date written YYYY-MM-DD")
        return value

    @field_validator("compatibility_date")
    @classmethod
    def _not_future(cls, value: dt.date) -> dt.date:
        today = utc_today()
        if value > today:
            raise ValueError(f"is in the future (today is {today} UTC); Cloudflare refuses it")
        return value

    @field_validator("assets_dir")
    @classmethod
    def _a_directory(cls, value: str, info: ValidationInfo) -> str:
        return _project_dir(value, info)

    @model_validator(mode="after")
    def _safe_assets(self, info: ValidationInfo) -> WorkerSettings:
        """Everything in the assets directory is published: no bundle may sit in or around it,
        and nothing Cloudflare would refuse may be in it."""
        assets = PurePosixPath(self.assets_dir)
        for role in Role:
            code = PurePosixPath(self.bundles.for_role(role).dir)
            if assets == code or assets in code.parents or code in assets.parents:
                raise ValueError(
                    f"{NAMESPACE}:assetsDir overlaps {NAMESPACE}:bundles.{role.value}.dir:"
                    " the Worker's code would be published as static assets"
                )
        try:
            self._asset_files = check_assets(_context(info).root / self.assets_dir)
        except BundleError as err:
            raise ValueError(f"{NAMESPACE}:assetsDir: {err}") from None
        return self

    @property
    def asset_files(self) -> int:
        """How many files the web Worker's version would publish."""
        return self._asset_files


class TopologySettings(_Concern):
    """`isolated`: previews and staging in their own Cloudflare account and Neon project, as the
    guardrails require; `shared`: in production's, the risk accepted (PR code then holds
    credentials that reach production's account and project)."""

    topology: Literal["isolated", "shared"] = "isolated"


class PreviewDataSettings(_Concern):
    """What previews get of their parent's data: `copy` (schema and rows) or `schema-only`
    (Neon's init_source); and the mask file `codex-infra refresh` applies when it fills the
    non-production parent from production."""

    preview_data: Literal["copy", "schema-only"] = "copy"
    mask_file: str | None = None

    @field_validator("mask_file")
    @classmethod
    def _in_project(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        path = project_relative(value, info)
        if not (_context(info).root / path).is_file():
            raise ValueError("names no file")
        return path


class Compute(_Concern):
    """A branch's read-write endpoint: Neon's compute units (0.25 each) and the idle seconds
    before it scales to zero (Neon: 60 to 604800, -1 never, 0 its default of 300)."""

    min_cu: float = Field(ge=0.25)
    max_cu: float = Field(ge=0.25)
    suspend_timeout_seconds: int | None = None

    @model_validator(mode="after")
    def _sane(self) -> Compute:
        if self.max_cu < self.min_cu:
            raise ValueError("maxCu is below minCu")
        if self.max_cu - self.min_cu > MAX_AUTOSCALING_RANGE:
            raise ValueError(
                f"maxCu - minCu is over {MAX_AUTOSCALING_RANGE} compute units, the most Neon's"
                " autoscaling range spans"
            )
        seconds = self.suspend_timeout_seconds
        if seconds is not None and seconds not in (-1, 0) and not 60 <= seconds <= 604800:
            raise ValueError(
                "suspendTimeoutSeconds must be -1 (never), 0 (Neon's default) or 60 to 604800"
            )
        return self


class ComputeSettings(_Concern):
    """Per kind, what a created branch's endpoint may cost; None leaves Neon's defaults.
    Production's branch is adopted as it is."""

    preview_compute: Compute | None = None
    staging_compute: Compute | None = None

    def for_stage(self, stage: Stage) -> Compute | None:
        if stage.kind is Kind.PREVIEW:
            return self.preview_compute
        if stage.kind is Kind.STAGING:
            return self.staging_compute
        return None


def _plan_kind(value: Any) -> str:
    return "name" if isinstance(value, str) else "numbers"


# A plan's name, or explicit numbers (errors then name the key: `codex:neonPlan.numbers.<key>`).
NeonPlan = Annotated[
    Annotated[Literal["free", "launch", "scale"], Tag("name")]
    | Annotated[NeonLimits, Tag("numbers")],
    Discriminator(_plan_kind),
]
CloudflarePlan = Annotated[
    Annotated[Literal["free", "paid"], Tag("name")] | Annotated[CloudflareLimits, Tag("numbers")],
    Discriminator(_plan_kind),
]


class PlanSettings(_Concern):
    """The Neon plan of this stack's project and the Workers plan of its account: a plan's name
    (its documented limits, components/plans.py) or explicit numbers. `codex-infra capacity`
    counts previews against them."""

    neon_plan: NeonPlan = "free"
    cloudflare_plan: CloudflarePlan = "free"

    @field_validator("neon_plan", "cloudflare_plan", mode="before")
    @classmethod
    def _known_name(cls, value: Any, info: ValidationInfo) -> Any:
        names = NEON_PLANS if info.field_name == "neon_plan" else CLOUDFLARE_PLANS
        if isinstance(value, str) and value not in names:
            raise ValueError(f"must be {', '.join(names)} or an object of explicit numbers")
        return value

    @property
    def neon(self) -> NeonLimits:
        plan = self.neon_plan
        return NEON_PLANS[plan] if isinstance(plan, str) else plan

    @property
    def cloudflare(self) -> CloudflareLimits:
        plan = self.cloudflare_plan
        return CLOUDFLARE_PLANS[plan] if isinstance(plan, str) else plan


class HyperdriveSettings(_Concern):
    """`hyperdrive: true` puts Cloudflare Hyperdrive (a connection pool near the Workers) in front
    of the stack's database: a HYPERDRIVE binding beside DATABASE_URL on each Worker using it."""

    hyperdrive: bool = False


def _page_path(value: str) -> str:
    """A path on the web Worker, as a browser would request it: never another host."""
    if not re.fullmatch(r"/(?!/)[^\s#\\]*", value) or len(value) > MAX_PAGE_PATH:
        raise ValueError("must be a path on the web Worker, like /about (no host, '#' or spaces)")
    return value


def _viewport_name(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,31}", value):
        raise ValueError("must be lowercase letters, digits and '-' (it names the screenshots)")
    return value


PagePath = Annotated[str, AfterValidator(_page_path)]
ViewportName = Annotated[str, AfterValidator(_viewport_name)]


class Viewport(_Concern):
    """A browser window; its name names its screenshots (`desktop`, `phone`)."""

    name: ViewportName
    width: int = Field(ge=MIN_VIEWPORT, le=MAX_VIEWPORT)
    height: int = Field(ge=MIN_VIEWPORT, le=MAX_VIEWPORT)


DEFAULT_VIEWPORTS = (
    Viewport(name="desktop", width=1280, height=800),
    Viewport(name="phone", width=390, height=844),
)


class VisualSettings(_Concern):
    """What visual review (`codex-infra snapshot`, `compare`, `visual`) renders of the web Worker:
    each page at each viewport."""

    visual_pages: tuple[PagePath, ...] = ("/",)
    visual_viewports: tuple[Viewport, ...] = DEFAULT_VIEWPORTS

    @model_validator(mode="after")
    def _distinct(self) -> VisualSettings:
        for key, names in (
            ("visualPages", list(self.visual_pages)),
            ("visualViewports", [v.name for v in self.visual_viewports]),
        ):
            if not names:
                raise ValueError(f"{NAMESPACE}:{key} must list at least one")
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise ValueError(f"{NAMESPACE}:{key} lists {', '.join(twice)} more than once")
        if len(names) * len(self.visual_pages) > MAX_SHOTS:
            raise ValueError(
                f"{NAMESPACE}:visualPages times {NAMESPACE}:visualViewports is over {MAX_SHOTS}"
                " screenshots"
            )
        return self


class ObservabilitySettings(_Concern):
    head_sampling_rate: float = Field(default=1.0, ge=0.0, le=1.0)


class MigrationSettings(_Concern):
    migration_command: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
    migrations_dir: str

    @field_validator("migrations_dir")
    @classmethod
    def _exists(cls, value: str, info: ValidationInfo) -> str:
        return _project_dir(value, info)


_STRIPE_KEY = re.compile(r"^(sk|rk)_(live|test)_[A-Za-z0-9]+$")


class StripeSettings(_Concern):
    """Live keys only in production, test keys never there; values are never echoed."""

    SECRET_KEYS: ClassVar[tuple[str, ...]] = ("stripeSecretKey", "stripeWebhookSecret")

    stripe_secret_key: SecretStr
    stripe_webhook_secret: SecretStr

    @field_validator("stripe_secret_key")
    @classmethod
    def _key_matches_stage(cls, value: SecretStr, info: ValidationInfo) -> SecretStr:
        stage = _context(info).stage
        match = _STRIPE_KEY.match(value.get_secret_value())
        if match is None:
            raise ValueError("is not a Stripe secret or restricted key (sk_… or rk_…)")
        live = match.group(2) == "live"
        if live and not stage.is_production:
            raise ValueError("is a live Stripe key; only production may use one")
        if not live and stage.is_production:
            raise ValueError("is a test Stripe key; production needs a live key")
        return value

    @field_validator("stripe_webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().startswith("whsec_"):
            raise ValueError("is not a Stripe webhook signing secret (whsec_…)")
        return value


@dataclass(frozen=True)
class Settings:
    """Everything the program needs, built once from the stack's config (each part validated)."""

    stage: Stage
    root: Path
    cloudflare: CloudflareSettings
    neon: NeonSettings
    workers: WorkerSettings
    observability: ObservabilitySettings
    migrations: MigrationSettings
    stripe: StripeSettings
    topology: TopologySettings
    preview_data: PreviewDataSettings
    compute: ComputeSettings
    plans: PlanSettings
    hyperdrive: HyperdriveSettings
    visual: VisualSettings


_CONCERNS: tuple[type[_Concern], ...] = (
    CloudflareSettings,
    NeonSettings,
    WorkerSettings,
    ObservabilitySettings,
    MigrationSettings,
    StripeSettings,
    TopologySettings,
    PreviewDataSettings,
    ComputeSettings,
    PlanSettings,
    HyperdriveSettings,
    VisualSettings,
)
# Which concern owns each config key.
_OWNER = {
    (field.alias or name): model
    for model in _CONCERNS
    for name, field in model.model_fields.items()
}
C = TypeVar("C", bound=_Concern)


def _decode(value: str) -> Any:
    """Structured config values reach the program as JSON text."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def got(value: Any, key: str, secret: frozenset[str]) -> str:
    """What a message may add about a plain value (a secret's, whole or in part, never)."""
    if key in secret or not isinstance(value, str | int | float | bool):
        return ""
    shown = f"{value:g}" if isinstance(value, float) else repr(value)
    return f" (got {shown if len(shown) <= 60 else shown[:59] + '…'})"


def _message(err: ValidationError, secret: frozenset[str]) -> str:
    """pydantic's messages and ours state the rule, not the value (pydantic keeps the input
    apart); a plain value is added after. Inside a secret (structured) value, a key nobody knows
    is the value's too: not shown. (An error of a whole concern has no location: its message
    names its keys itself.)"""
    parts: list[str] = []
    for e in err.errors(include_url=False):
        key = str(e["loc"][0]) if e["loc"] else ""
        hidden = e["type"] == "extra_forbidden" and key in secret
        loc = ".".join(str(p) for p in (e["loc"][:-1] if hidden else e["loc"]))
        msg = "is required" if e["type"] == "missing" else e["msg"].removeprefix("Value error, ")
        if hidden:
            msg = "holds a key that is not a known setting"
        msg += got(e["input"], key, secret)
        parts.append(f"{NAMESPACE}:{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def _bare(secret_keys: frozenset[str]) -> frozenset[str]:
    """Bare keys of the values given as secrets."""
    return frozenset(k.partition(":")[2] for k in secret_keys if k.startswith(f"{NAMESPACE}:"))


def _validate(
    model: type[C],
    raw: dict[type[_Concern], dict[str, Any]],
    context: _Context | None,
    secret: frozenset[str],
) -> C:
    try:
        return model.model_validate(raw[model], context=context)
    except ValidationError as err:
        raise ConfigError(_message(err, secret)) from None


def load_settings(
    stack: str,
    config: Mapping[str, str],
    secret_keys: frozenset[str],
    root: Path,
) -> Settings:
    """`config` is the stack's whole config ("codex:key" -> text), as the engine hands it over."""
    try:
        stage = parse_stack(stack)
    except NamingError as err:
        raise ConfigError(str(err)) from None
    raw: dict[type[_Concern], dict[str, Any]] = {model: {} for model in _CONCERNS}
    for full_key, value in sorted(config.items()):
        namespace, _, key = full_key.partition(":")
        if namespace != NAMESPACE:
            continue
        concern = _OWNER.get(key)
        if concern is None:
            raise ConfigError(
                f"{full_key} is not a known setting (known: {', '.join(sorted(_OWNER))})"
            )
        if key in StripeSettings.SECRET_KEYS and full_key not in secret_keys:
            raise ConfigError(
                f"{full_key} must be set as a secret: pulumi config set --secret {key}"
            )
        raw[concern][key] = _decode(value)
    context = _Context(stage, root)
    secret = _bare(secret_keys)

    def validate(model: type[C]) -> C:
        return _validate(model, raw, context, secret)

    settings = Settings(
        stage=stage,
        root=root,
        cloudflare=validate(CloudflareSettings),
        neon=validate(NeonSettings),
        workers=validate(WorkerSettings),
        observability=validate(ObservabilitySettings),
        migrations=validate(MigrationSettings),
        stripe=validate(StripeSettings),
        topology=validate(TopologySettings),
        preview_data=validate(PreviewDataSettings),
        compute=validate(ComputeSettings),
        plans=validate(PlanSettings),
        hyperdrive=validate(HyperdriveSettings),
        visual=validate(VisualSettings),
    )
    try:
        for role in Role:
            stage.script_name(role)
    except NamingError as err:
        raise ConfigError(str(err)) from None
    _check_compute_within_plan(settings, secret)
    _check_assets_within_plan(settings, secret)
    return settings


def load_concern(
    model: type[C],
    config: Mapping[str, str],
    stack: str | None = None,
    root: Path | None = None,
    secret_keys: frozenset[str] = frozenset(),
) -> C:
    """One concern's keys alone (values as the engine hands them over), validated as the program
    validates them: for a command that needs one concern of a stack (the reaper its Neon project,
    `codex-infra visual` the base revision's pages) without the bundles or secrets of the others.
    A concern whose rules depend on the stage or on files needs `stack` and `root`."""
    keys = {f"{NAMESPACE}:{key}": key for key, owner in _OWNER.items() if owner is model}
    raw: dict[type[_Concern], dict[str, Any]] = {
        model: {keys[k]: _decode(v) for k, v in config.items() if k in keys}
    }
    context = None
    if stack is not None:
        try:
            context = _Context(parse_stack(stack), root or Path.cwd())
        except NamingError as err:
            raise ConfigError(str(err)) from None
    return _validate(model, raw, context, _bare(secret_keys))


def _plan_named(plan: str | object, key: str, secret: frozenset[str]) -> str:
    if isinstance(plan, str) and key not in secret:
        return f"{NAMESPACE}:{key} {plan}"
    return f"the {NAMESPACE}:{key}"


def _check_compute_within_plan(settings: Settings, secret: frozenset[str]) -> None:
    """What the Neon plan refuses fails here, at plan and check time, not halfway through an up."""
    compute = settings.compute.for_stage(settings.stage)
    if compute is None:
        return
    name = f"{settings.stage.kind.value}Compute"
    key = f"{NAMESPACE}:{name}"
    limits = settings.plans.neon
    named = _plan_named(settings.plans.neon_plan, "neonPlan", secret)
    seconds = compute.suspend_timeout_seconds
    allowed = {"fixed": (None, 0), "can-disable": (None, 0, -1)}.get(limits.scale_to_zero)
    if allowed is not None and seconds not in allowed:
        what = {"fixed": "no custom suspend timeout", "can-disable": "only -1 (never suspend)"}
        raise ConfigError(
            f"{key}.suspendTimeoutSeconds: {named} allows {what[limits.scale_to_zero]}"
            f"{got(seconds, name, secret)}; leave it out, or set {NAMESPACE}:neonPlan to a plan"
            " that does"
        )
    if limits.max_compute_units is not None and compute.max_cu > limits.max_compute_units:
        raise ConfigError(
            f"{key}.maxCu: {named} allows at most {limits.max_compute_units:g} compute units"
            f"{got(compute.max_cu, name, secret)}"
        )


def _check_assets_within_plan(settings: Settings, secret: frozenset[str]) -> None:
    """Cloudflare refuses a Worker version with more static assets than the plan allows."""
    files, limit = settings.workers.asset_files, settings.plans.cloudflare.asset_files_per_version
    if files > limit:
        named = _plan_named(settings.plans.cloudflare_plan, "cloudflarePlan", secret)
        raise ConfigError(
            f"{NAMESPACE}:assetsDir: {files} files would be published; {named} allows at most"
            f" {limit} static assets per Worker version"
        )


def load_from_pulumi(root: Path) -> Settings:
    """The engine passes config in the environment; tests and the offline plan set it directly."""
    runtime = pulumi.runtime.config
    config = {**runtime.get_config_env(), **runtime.CONFIG.get()}
    secret_keys = frozenset(
        k
        for k in config
        if runtime.is_config_secret(k) or k in runtime.get_config_secret_keys_env()
    )
    return load_settings(pulumi.get_stack(), config, secret_keys, root)
