"""Settings: every refused input gives one line naming the key, and never echoes a secret."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from codex_infra.engine.config import load_stack_config, with_overrides, with_placeholder_secrets
from components import settings as settings_module
from components.naming import Kind, Role
from components.settings import ConfigError, Settings, VisualSettings, load_settings
from tests.conftest import PROJECT_DIR, copy_project

LIVE_KEY = "sk_live_" + "Z9canary" * 3
TEST_KEY = "sk_test_" + "Y8canary" * 3


def config_for(stack: str, **overrides: str) -> tuple[dict[str, str], frozenset[str]]:
    config = with_placeholder_secrets(load_stack_config(PROJECT_DIR, stack), stack)
    secret = {k: v for k, v in overrides.items() if k.startswith("stripe")}
    plain = {k: v for k, v in overrides.items() if k not in secret}
    config = with_overrides(config, plain, secret)
    return config.values, config.secret_keys


def load(stack: str, root: Path = PROJECT_DIR, /, **overrides: str) -> Settings:
    values, secret_keys = config_for(stack, **overrides)
    return load_settings(stack, values, secret_keys, root)


def refused(stack: str, root: Path = PROJECT_DIR, /, **overrides: str) -> str:
    with pytest.raises(ConfigError) as err:
        load(stack, root, **overrides)
    message = str(err.value)
    assert "\n" not in message
    assert LIVE_KEY not in message
    assert TEST_KEY not in message
    return message


@pytest.mark.parametrize("stack", ["production", "staging", "pr-3"])
def test_committed_configs_are_valid(stack: str) -> None:
    settings = load(stack)
    assert settings.stage.kind is {"production": Kind.PRODUCTION, "staging": Kind.STAGING}.get(
        stack, Kind.PREVIEW
    )
    # Isolated: production in its own account and project, the others together in theirs.
    assert settings.cloudflare.cloudflare_account_id == (
        "f0e1d2c3b4a5968778695a4b3c2d1e0f"
        if stack == "production"
        else "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    )
    assert settings.neon.neon_project_id == (
        "codex-production-00000000" if stack == "production" else "codex-example-00000000"
    )
    assert settings.topology.topology == "isolated"
    assert settings.neon.neon_parent_branch == "main"
    assert settings.workers.compatibility_flags == ("nodejs_compat",)
    assert settings.workers.bundles.for_role(Role.WEB).bundle.main.name == "_worker.js"
    assert settings.migrations.migration_command == "sh examples/migrate.sh"


def test_stage_specific_values() -> None:
    production, staging, preview = load("production"), load("staging"), load("pr-3")
    assert production.observability.head_sampling_rate == 0.1
    assert staging.observability.head_sampling_rate == 0.5
    assert preview.observability.head_sampling_rate == 1.0
    assert production.cloudflare.hostnames is not None
    assert production.cloudflare.hostnames.for_role(Role.STRIPE_WEBHOOK) == (
        "stripe.codex.example.com"
    )
    assert preview.cloudflare.hostnames is None
    assert preview.neon.preview_ttl_hours == 168


def test_keys_are_accepted_in_the_right_stage() -> None:
    assert load("production", stripeSecretKey=LIVE_KEY).stripe.stripe_secret_key.get_secret_value()
    assert load("pr-3", stripeSecretKey=TEST_KEY).stripe.stripe_secret_key.get_secret_value()
    assert load("staging", stripeSecretKey="rk_test_abc").stripe


def test_secret_values_are_hidden_in_repr() -> None:
    settings = load("production", stripeSecretKey=LIVE_KEY)
    assert LIVE_KEY not in repr(settings)
    assert LIVE_KEY not in str(settings.stripe)


@pytest.mark.parametrize(
    ("stack", "overrides", "expected"),
    [
        ("pr-3", {"stripeSecretKey": LIVE_KEY}, "codex:stripeSecretKey: is a live Stripe key"),
        ("staging", {"stripeSecretKey": "rk_live_abc"}, "codex:stripeSecretKey: is a live"),
        ("production", {"stripeSecretKey": TEST_KEY}, "codex:stripeSecretKey: is a test Stripe"),
        ("pr-3", {"stripeSecretKey": "pk_test_abc"}, "codex:stripeSecretKey: is not a Stripe"),
        ("pr-3", {"stripeWebhookSecret": "sk_test_x"}, "codex:stripeWebhookSecret: is not a"),
        ("pr-3", {"cloudflareAccountId": "xyz"}, "codex:cloudflareAccountId: String should match"),
        ("pr-3", {"cloudflareAccountId": ""}, "codex:cloudflareAccountId"),
        ("pr-3", {"workersDevSubdomain": "Bad_Sub"}, "codex:workersDevSubdomain"),
        ("pr-3", {"zoneId": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"}, "codex:zoneId is only for prod"),
        ("staging", {"hostnames": '{"web":"a.b","auth":"c.d","stripeWebhook":"e.f"}'}, "hostnames"),
        (
            "production",
            {"hostnames": '{"web":"-bad-.com","auth":"a.b","stripeWebhook":"c.d"}'},
            "codex:hostnames.web: String should match",
        ),
        (
            "production",
            {"hostnames": '{"web":"a.b","auth":"c.d"}'},
            "codex:hostnames.stripeWebhook: is required",
        ),
        ("pr-3", {"neonProjectId": "Bad Project"}, "codex:neonProjectId"),
        ("pr-3", {"neonParentBranch": ""}, "codex:neonParentBranch"),
        ("pr-3", {"previewTtlHours": "0"}, "codex:previewTtlHours: Input should be greater"),
        ("pr-3", {"previewTtlHours": "721"}, "codex:previewTtlHours: Input should be less"),
        ("pr-3", {"previewTtlHours": "soon"}, "codex:previewTtlHours: Input should be a valid"),
        ("pr-3", {"compatibilityDate": "01/11/2026"}, "codex:compatibilityDate: must be a date"),
        ("pr-3", {"compatibilityDate": "2026-13-01"}, "codex:compatibilityDate"),
        ("pr-3", {"compatibilityFlags": '["Bad Flag"]'}, "codex:compatibilityFlags.0"),
        ("pr-3", {"headSamplingRate": "1.5"}, "codex:headSamplingRate: Input should be less"),
        ("pr-3", {"migrationCommand": "  "}, "codex:migrationCommand"),
        (
            "pr-3",
            {"migrationsDir": "../elsewhere"},
            "codex:migrationsDir: reaches outside the project (got '../elsewhere')",
        ),
        ("pr-3", {"assetsDir": "/etc"}, "codex:assetsDir: must be a path relative to the project"),
        (
            "pr-3",
            {"assetsDir": "examples/missing"},
            "codex:assetsDir: names no directory (got 'examples/missing')",
        ),
        (
            "pr-3",
            {
                "bundles": '{"web":{"dir":"../../etc"},"auth":{"dir":"x"},"stripeWebhook":'
                '{"dir":"y"}}'
            },
            "codex:bundles.web.dir: reaches outside the project (got '../../etc')",
        ),
        (
            "pr-3",
            {
                "bundles": '{"web":{"dir":"examples/bundles/web","main":"main.js"},'
                '"auth":{"dir":"examples/bundles/auth"},'
                '"stripeWebhook":{"dir":"examples/bundles/stripe-webhook"}}'
            },
            "codex:bundles.web: main names no file in the bundle",
        ),
        (
            "pr-3",
            {"bundles": '{"web":{"dir":"examples/bundles/web"}}'},
            "codex:bundles.auth: is required",
        ),
        ("pr-3", {"zoneID": "abc"}, "codex:zoneID is not a known setting"),
        (
            "pr-3",
            {"assetsDir": "examples/bundles/auth"},
            "codex:assetsDir overlaps codex:bundles.auth.dir: the Worker's code would be published",
        ),
        (
            "pr-3",
            {"assetsDir": "examples/bundles"},
            "codex:assetsDir overlaps codex:bundles.web.dir: the Worker's code would be published",
        ),
        ("pr-3", {"visualPages": '["about"]'}, "codex:visualPages.0: must be a path on the web"),
        ("pr-3", {"visualPages": '["/", "//evil.example"]'}, "codex:visualPages.1: must be a"),
        ("pr-3", {"visualPages": '["/a b"]'}, "codex:visualPages.0: must be a path"),
        ("pr-3", {"visualPages": '["/", "/"]'}, "codex:visualPages lists / more than once"),
        ("pr-3", {"visualPages": "[]"}, "codex:visualPages must list at least one"),
        ("pr-3", {"visualPages": "/"}, "codex:visualPages: Input should be a valid tuple"),
        (
            "pr-3",
            {"visualViewports": '[{"name": "Wide", "width": 1920, "height": 1080}]'},
            "codex:visualViewports.0.name: must be lowercase letters",
        ),
        (
            "pr-3",
            {"visualViewports": '[{"name": "tiny", "width": 100, "height": 800}]'},
            "codex:visualViewports.0.width: Input should be greater than or equal to 240",
        ),
        (
            "pr-3",
            {"visualViewports": '[{"name": "a", "width": 800}]'},
            "codex:visualViewports.0.height: is required",
        ),
        (
            "pr-3",
            {"visualViewports": '[{"name": "a", "width": 800, "height": 600, "dpr": 2}]'},
            "codex:visualViewports.0.dpr: Extra inputs are not permitted",
        ),
    ],
)
def test_refused_inputs_name_the_key(stack: str, overrides: dict[str, str], expected: str) -> None:
    assert expected in refused(stack, **overrides)


def test_production_needs_its_domains() -> None:
    values, secret_keys = config_for("production")
    del values["codex:zoneId"]
    with pytest.raises(ConfigError, match="codex:zoneId is required in production"):
        load_settings("production", values, secret_keys, PROJECT_DIR)


def test_a_missing_secret_is_named() -> None:
    values, secret_keys = config_for("pr-3")
    del values["codex:stripeWebhookSecret"]
    with pytest.raises(ConfigError, match="codex:stripeWebhookSecret: is required"):
        load_settings("pr-3", values, secret_keys, PROJECT_DIR)


def test_secrets_must_be_pulumi_secrets() -> None:
    values, _ = config_for("pr-3", stripeSecretKey=TEST_KEY)
    with pytest.raises(ConfigError) as err:
        load_settings("pr-3", values, frozenset(), PROJECT_DIR)
    assert str(err.value) == (
        "codex:stripeSecretKey must be set as a secret: pulumi config set --secret stripeSecretKey"
    )
    assert TEST_KEY not in str(err.value)


def test_a_bad_stack_name_is_a_config_error() -> None:
    values, secret_keys = config_for("pr-3")
    with pytest.raises(ConfigError, match="stack name 'pr-03' is not allowed"):
        load_settings("pr-03", values, secret_keys, PROJECT_DIR)


def test_other_namespaces_are_left_to_their_providers() -> None:
    values, secret_keys = config_for("pr-3")
    values["cloudflare:apiToken"] = "x"
    assert load_settings("pr-3", values, secret_keys, PROJECT_DIR).stage.pr == 3


def test_a_compatibility_date_in_the_future_is_refused() -> None:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert (
        f"is in the future (today is {dt.datetime.now(dt.UTC).date()} UTC); Cloudflare refuses"
        f" it (got '{future}')" in refused("pr-3", compatibilityDate=future)
    )


def test_the_compatibility_date_is_checked_against_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 01:00 in Sydney on 2 December it is still 1 December in UTC, and at Cloudflare."""
    monkeypatch.setattr(settings_module, "utc_today", lambda: dt.date(2026, 12, 1))
    assert (
        "is in the future (today is 2026-12-01 UTC); Cloudflare refuses it (got '2026-12-02')"
        in refused("pr-3", compatibilityDate="2026-12-02")
    )
    values, secret_keys = config_for("pr-3", compatibilityDate="2026-12-01")
    assert load_settings(
        "pr-3", values, secret_keys, PROJECT_DIR
    ).workers.compatibility_date == dt.date(2026, 12, 1)


def _project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


@pytest.mark.parametrize(
    "leak", ["_worker.js", "_routes.json", ".env", ".env.production", ".dev.vars", "sub/_worker.js"]
)
def test_assets_holding_worker_code_or_env_files_are_refused(tmp_path: Path, leak: str) -> None:
    root = _project_copy(tmp_path)
    assets = root / "examples/workers/web/.svelte-kit/cloudflare"
    for adapters_own in (".assetsignore", "_worker.js"):  # the ignore file keeps the code out
        (assets / adapters_own).unlink()
    target = assets / leak
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("SECRET=1")
    message = refused("pr-3", root)
    assert message.startswith(f"codex:assetsDir: {leak} would be published as a static asset")


def test_a_bundle_file_without_module_type_is_refused(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    (root / "examples/bundles/auth/notes.docx").write_bytes(b"x")
    assert refused("pr-3", root).startswith(
        "codex:bundles.auth: notes.docx has no Workers module type"
    )


def test_structured_values_arrive_as_json_text() -> None:
    values, _ = config_for("production")
    assert json.loads(values["codex:hostnames"])["web"] == "codex.example.com"
    assert json.loads(values["codex:compatibilityFlags"]) == ["nodejs_compat"]


def test_preview_data_and_the_mask_file() -> None:
    assert load("pr-3").preview_data.preview_data == "copy"
    assert load("pr-3", previewData="schema-only").preview_data.preview_data == "schema-only"
    assert (
        load("pr-3", maskFile="examples/mask.yaml").preview_data.mask_file == "examples/mask.yaml"
    )
    assert "codex:previewData: Input should be 'copy' or 'schema-only'" in refused(
        "pr-3", previewData="anonymised"
    )
    assert refused("pr-3", maskFile="nowhere.yaml") == (
        "codex:maskFile: names no file (got 'nowhere.yaml')"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('{"minCu": 1, "maxCu": 0.5}', "codex:previewCompute: maxCu is below minCu"),
        ('{"minCu": 0.1, "maxCu": 0.5}', "codex:previewCompute.minCu"),
        (
            '{"minCu": 0.25, "maxCu": 1, "suspendTimeoutSeconds": 30}',
            "suspendTimeoutSeconds must be -1 (never), 0 (Neon's default) or 60 to 604800",
        ),
        ('{"minCu": 0.25, "maxCu": 1, "size": 2}', "codex:previewCompute.size"),
    ],
)
def test_bad_compute_limits_are_refused_by_key(value: str, message: str) -> None:
    assert message in refused("pr-3", previewCompute=value)


def test_compute_limits_per_kind() -> None:
    assert (
        load("pr-3").compute.for_stage(load("pr-3").stage) == load("pr-3").compute.preview_compute
    )
    staging = load(
        "staging",
        neonPlan="launch",
        stagingCompute='{"minCu": 0.5, "maxCu": 2, "suspendTimeoutSeconds": -1}',
    )
    compute = staging.compute.for_stage(staging.stage)
    assert compute is not None
    assert (compute.min_cu, compute.max_cu, compute.suspend_timeout_seconds) == (0.5, 2, -1)
    production = load("production")
    assert production.compute.for_stage(production.stage) is None


@pytest.mark.parametrize(
    ("plan", "compute", "message"),
    [
        (
            "free",
            '{"minCu": 0.25, "maxCu": 1, "suspendTimeoutSeconds": 600}',
            "codex:previewCompute.suspendTimeoutSeconds: codex:neonPlan free allows no custom"
            " suspend timeout (got 600)",
        ),
        (
            "launch",
            '{"minCu": 0.25, "maxCu": 1, "suspendTimeoutSeconds": 600}',
            "codex:neonPlan launch allows only -1 (never suspend) (got 600)",
        ),
        (
            "free",
            '{"minCu": 0.25, "maxCu": 4}',
            "codex:previewCompute.maxCu: codex:neonPlan free allows at most 2 compute units"
            " (got 4)",
        ),
        ("scale", '{"minCu": 1, "maxCu": 12}', "maxCu - minCu is over 8 compute units"),
    ],
)
def test_what_the_neon_plan_refuses_fails_at_start_up(
    plan: str, compute: str, message: str
) -> None:
    assert message in refused("pr-3", neonPlan=plan, previewCompute=compute)


@pytest.mark.parametrize(
    ("plan", "seconds"), [("free", 0), ("launch", -1), ("scale", 600), ("scale", -1)]
)
def test_what_the_neon_plan_allows_passes(plan: str, seconds: int) -> None:
    compute = f'{{"minCu": 0.25, "maxCu": 1, "suspendTimeoutSeconds": {seconds}}}'
    settings = load("pr-3", neonPlan=plan, previewCompute=compute)
    assert settings.compute.preview_compute is not None


def test_visual_review_pages_and_viewports() -> None:
    default = load("pr-3").visual
    assert default.visual_pages == ("/",)
    assert [(v.name, v.width, v.height) for v in default.visual_viewports] == [
        ("desktop", 1280, 800),
        ("phone", 390, 844),
    ]
    chosen = load(
        "pr-3",
        visualPages='["/", "/pricing?plan=team"]',
        visualViewports='[{"name": "wide", "width": 1920, "height": 1080}]',
    ).visual
    assert chosen.visual_pages == ("/", "/pricing?plan=team")
    assert [v.name for v in chosen.visual_viewports] == ["wide"]
    # Any revision's config, read by this model alone (the base of `codex-infra visual`).
    values, _ = config_for("pr-3", visualPages='["/about"]')
    assert settings_module.load_concern(VisualSettings, values).visual_pages == ("/about",)
    with pytest.raises(ConfigError, match=r"^codex:visualPages\.0: must be a path"):
        settings_module.load_concern(VisualSettings, {"codex:visualPages": '["about"]'})
