"""Naming rules: stack names, Worker script names, Neon branch names."""

import pytest

from components.naming import (
    MAX_SCRIPT_NAME,
    WORKERS_DEV_URL,
    Kind,
    NamingError,
    Role,
    Stage,
    check_script_name,
    parse_stack,
)


@pytest.mark.parametrize(
    ("stack", "stage"),
    [
        ("production", Stage(Kind.PRODUCTION)),
        ("staging", Stage(Kind.STAGING)),
        ("pr-1", Stage(Kind.PREVIEW, 1)),
        ("pr-123", Stage(Kind.PREVIEW, 123)),
    ],
)
def test_allowed_stacks(stack: str, stage: Stage) -> None:
    assert parse_stack(stack) == stage


@pytest.mark.parametrize(
    "stack",
    ["pr-0", "pr-01", "pr-", "pr--1", "pr-1a", "PR-1", "pr_1", "dev", "prod", "production ", ""],
)
def test_other_stacks_are_refused_naming_the_allowed_ones(stack: str) -> None:
    with pytest.raises(NamingError) as err:
        parse_stack(stack)
    message = str(err.value)
    assert repr(stack) in message
    assert "'production', 'staging' or 'pr-<N>'" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("stack", "role", "script"),
    [
        ("production", Role.WEB, "codex-web-production"),
        ("production", Role.AUTH, "auth-worker-production"),
        ("production", Role.STRIPE_WEBHOOK, "stripe-webhook-handler-production"),
        ("staging", Role.WEB, "codex-web-staging"),
        ("staging", Role.AUTH, "auth-worker-staging"),
        ("staging", Role.STRIPE_WEBHOOK, "stripe-webhook-handler-staging"),
        ("pr-42", Role.WEB, "codex-web-preview-42"),
        ("pr-42", Role.AUTH, "auth-worker-preview-42"),
        ("pr-42", Role.STRIPE_WEBHOOK, "stripe-webhook-handler-preview-42"),
    ],
)
def test_script_names_follow_the_wrangler_convention(stack: str, role: Role, script: str) -> None:
    assert parse_stack(stack).script_name(role) == script


@pytest.mark.parametrize(
    ("stack", "branch", "environment"),
    [
        ("production", "main", "production"),
        ("staging", "staging", "staging"),
        ("pr-7", "preview/pr-7", "preview"),
    ],
)
def test_branch_and_environment_names(stack: str, branch: str, environment: str) -> None:
    stage = parse_stack(stack)
    assert stage.branch_name("main") == branch
    assert stage.kind.value == environment


def test_a_script_name_over_cloudflares_limit_is_an_error() -> None:
    check_script_name("a" * MAX_SCRIPT_NAME)
    with pytest.raises(NamingError, match="64 characters; Cloudflare allows 63"):
        check_script_name("a" * (MAX_SCRIPT_NAME + 1))
    huge_pr = Stage(Kind.PREVIEW, 10**40)
    with pytest.raises(NamingError, match="stripe-webhook-handler-preview-1000"):
        huge_pr.script_name(Role.STRIPE_WEBHOOK)


@pytest.mark.parametrize(
    "name",
    ["Codex-web", "codex.web", "-codex", "codex web", "", "1codex", "codex-", "auth_worker"],
)
def test_script_names_hold_only_allowed_characters(name: str) -> None:
    with pytest.raises(NamingError, match="start with a lowercase letter, end with a letter"):
        check_script_name(name)


@pytest.mark.parametrize("name", ["a", "codex-web-2", "auth-worker9", "x-1"])
def test_script_names_cloudflare_accepts(name: str) -> None:
    check_script_name(name)


def test_role_slugs_and_workers_dev_url() -> None:
    assert [role.slug for role in Role] == ["web", "auth", "stripe-webhook"]
    assert (
        WORKERS_DEV_URL.format("codex-web-staging", "team")
        == "https://codex-web-staging.team.workers.dev"
    )
