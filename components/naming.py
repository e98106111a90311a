"""Naming rules for stacks, Workers and Neon branches: one place, pure, unit-tested."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# Cloudflare's limit on script names (they appear in workers.dev hostnames, one DNS label).
MAX_SCRIPT_NAME = 63
# A leading letter, a trailing letter or digit, and no '_': the name is also a workers.dev
# hostname label, which wrangler's own check limits to [a-z0-9-] without a dash at either end.
_SCRIPT_NAME = re.compile(r"[a-z]([a-z0-9-]*[a-z0-9])?")
# Filled with the script name and the account's workers.dev subdomain.
WORKERS_DEV_URL = "https://{0}.{1}.workers.dev"
_PR_STACK = re.compile(r"pr-([1-9][0-9]*)")

ALLOWED_STACKS = "'production', 'staging' or 'pr-<N>' (N a positive integer, no leading zero)"


class NamingError(ValueError):
    """A name that the platform or our conventions refuse."""


class Kind(StrEnum):
    """The value the Workers see as ENVIRONMENT."""

    PRODUCTION = "production"
    STAGING = "staging"
    PREVIEW = "preview"


class Role(StrEnum):
    """The three Workers of an environment; the value is the config key of their bundle."""

    WEB = "web"
    AUTH = "auth"
    STRIPE_WEBHOOK = "stripeWebhook"

    @property
    def slug(self) -> str:
        """For resource names: `stripe-webhook`."""
        return re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), self.value)


# The team's existing wrangler names, kept so dashboards and logs stay continuous.
_SCRIPT_PREFIX = {
    Role.WEB: "codex-web",
    Role.AUTH: "auth-worker",
    Role.STRIPE_WEBHOOK: "stripe-webhook-handler",
}


@dataclass(frozen=True)
class Stage:
    """What a stack name says: the kind of environment and, for previews, the PR number."""

    kind: Kind
    pr: int | None = None

    @property
    def suffix(self) -> str:
        return f"preview-{self.pr}" if self.kind is Kind.PREVIEW else self.kind.value

    @property
    def is_production(self) -> bool:
        return self.kind is Kind.PRODUCTION

    def script_name(self, role: Role) -> str:
        name = f"{_SCRIPT_PREFIX[role]}-{self.suffix}"
        check_script_name(name)
        return name

    def branch_name(self, production_branch: str) -> str:
        """Production adopts the project's default branch; the others get their own."""
        if self.kind is Kind.PRODUCTION:
            return production_branch
        if self.kind is Kind.STAGING:
            return "staging"
        return f"preview/pr-{self.pr}"


def parse_stack(stack: str) -> Stage:
    if stack == "production":
        return Stage(Kind.PRODUCTION)
    if stack == "staging":
        return Stage(Kind.STAGING)
    match = _PR_STACK.fullmatch(stack)
    if match is None:
        raise NamingError(f"stack name {stack!r} is not allowed: use {ALLOWED_STACKS}")
    return Stage(Kind.PREVIEW, int(match.group(1)))


def check_script_name(name: str) -> None:
    if len(name) > MAX_SCRIPT_NAME:
        raise NamingError(
            f"Worker script name {name!r} has {len(name)} characters; "
            f"Cloudflare allows {MAX_SCRIPT_NAME}"
        )
    if _SCRIPT_NAME.fullmatch(name) is None:
        raise NamingError(
            f"Worker script name {name!r} must start with a lowercase letter, end with a letter"
            " or digit, and hold only lowercase letters, digits and '-'"
        )
