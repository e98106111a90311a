"""One environment: its Neon branch, the migrations, then the three Workers."""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field

import pulumi
import pulumi_cloudflare as cloudflare
import pulumi_command as command
import pulumi_random as random
from pulumi.runtime.mocks import MockMonitor

from components.bundle import hash_tree, read_optional, stage_assets
from components.hyperdrive import HYPERDRIVE_BINDING, hyperdrive_config
from components.naming import Kind, Role, Stage
from components.neon_branch import NeonBranch, NeonBranchArgs
from components.neon_provider import SCHEMA_ONLY
from components.settings import Settings
from components.worker import Assets, CustomDomain, Worker, WorkerArgs, WorkersDev


@dataclass(frozen=True)
class EnvironmentArgs:
    settings: Settings
    # When this deploy happens: a preview's database expires a TTL after its last deploy.
    now: dt.datetime
    # Who deploys it (deploy_origin): recorded on the Neon branch when it is created.
    origin: Mapping[str, str] = field(default_factory=dict[str, str])


def _plain_text(name: str, text: pulumi.Input[str]) -> cloudflare.WorkersScriptBindingArgs:
    return cloudflare.WorkersScriptBindingArgs(name=name, type="plain_text", text=text)


def _secret(name: str, text: pulumi.Input[str]) -> cloudflare.WorkersScriptBindingArgs:
    return cloudflare.WorkersScriptBindingArgs(
        name=name, type="secret_text", text=pulumi.Output.secret(text)
    )


# All the migration command gets of the deploy's environment: pulumi-command hands a command the
# engine's whole environment, provider credentials included.
MIGRATION_ENV = ("PATH", "HOME", "DATABASE_URL")


def only_its_environment(command: str) -> str:
    """`command` under `env -i`, with nothing but MIGRATION_ENV: values are read at run time
    from the outer shell (`/bin/sh -c`, pulumi-command's interpreter), never written here."""
    kept = " ".join(f'{name}="${name}"' for name in MIGRATION_ENV)
    return f"exec env -i {kept} /bin/sh -c {shlex.quote(command)}"


def deploy_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH pins the clock of an offline plan (the mock engine), so it is the same on
    every run. A real deploy always takes the wall clock: CIs export SOURCE_DATE_EPOCH for
    reproducible builds, and a pinned past would give a preview an expires_at Neon refuses."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and isinstance(pulumi.runtime.settings.get_monitor(), MockMonitor):
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def deploy_origin(stage: Stage, env: Mapping[str, str]) -> dict[str, str]:
    """The annotation keys Neon's own create-branch action sets, from what GitHub Actions
    exports: which repository, pull request and commit a branch was made for."""
    origin = {
        "created-by": "codex-infra",
        "github-commit-repo": env.get("GITHUB_REPOSITORY", ""),
        "github-commit-sha": env.get("GITHUB_SHA", ""),
        "github-commit-ref": env.get("GITHUB_HEAD_REF") or env.get("GITHUB_REF_NAME", ""),
        "github-pr-number": str(stage.pr) if stage.pr is not None else "",
    }
    return {key: value for key, value in origin.items() if value}


def preview_expiry(now: dt.datetime, ttl_hours: int) -> str:
    return (now.astimezone(dt.UTC) + dt.timedelta(hours=ttl_hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


class Environment(pulumi.ComponentResource):
    TYPE = "codex:index:Environment"

    def __init__(
        self,
        name: str,
        args: EnvironmentArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__(self.TYPE, name, None, opts)
        settings = args.settings
        stage, neon, cf = settings.stage, settings.neon, settings.cloudflare
        child = pulumi.ResourceOptions(parent=self)
        compute = settings.compute.for_stage(stage)

        self.database = NeonBranch(
            f"{name}-db",
            NeonBranchArgs(
                project_id=neon.neon_project_id,
                branch_name=stage.branch_name(neon.neon_parent_branch),
                parent_branch=None if stage.is_production else neon.neon_parent_branch,
                database_name=neon.database_name,
                role_name=neon.role_name,
                expires_at=preview_expiry(args.now, neon.preview_ttl_hours)
                if stage.kind is Kind.PREVIEW
                else None,
                # Staging stays a faithful copy of its parent; previews may take its schema only.
                init_source=SCHEMA_ONLY
                if stage.kind is Kind.PREVIEW
                and settings.preview_data.preview_data == "schema-only"
                else None,
                min_cu=compute.min_cu if compute else None,
                max_cu=compute.max_cu if compute else None,
                suspend_timeout_seconds=compute.suspend_timeout_seconds if compute else None,
                annotations=None if stage.is_production else dict(args.origin),
            ),
            child,
        )

        migrations = settings.migrations
        self.migrations = command.local.Command(
            f"{name}-migrations",
            create=only_its_environment(migrations.migration_command),
            environment={"DATABASE_URL": self.database.direct_database_url},
            triggers=[hash_tree(settings.root / migrations.migrations_dir)],
            # A migrator may echo its connection string: keep its output encrypted in state.
            opts=pulumi.ResourceOptions(
                parent=self, additional_secret_outputs=["stdout", "stderr"]
            ),
        )

        session_secret = random.RandomPassword(
            f"{name}-session-secret", length=64, special=False, opts=child
        )

        # Every Worker gets the database; with Hyperdrive, through it too (DATABASE_URL stays, for
        # what cannot use the binding). The binding holds the config's id, so the config is made
        # after the branch and before the Workers.
        database = [_secret("DATABASE_URL", self.database.database_url)]
        self.hyperdrive: cloudflare.HyperdriveConfig | None = None
        if settings.hyperdrive.hyperdrive:
            self.hyperdrive = hyperdrive_config(
                f"{name}-hyperdrive",
                cf.cloudflare_account_id,
                f"{name}-{stage.suffix}",
                self.database.direct_database_url,
                child,
            )
            database.append(
                cloudflare.WorkersScriptBindingArgs(
                    name=HYPERDRIVE_BINDING, type="hyperdrive", id=self.hyperdrive.id
                )
            )

        workers = settings.workers
        assets_root = settings.root / workers.assets_dir

        def worker(
            role: Role,
            bindings: list[cloudflare.WorkersScriptBindingArgs],
            assets: Assets | None = None,
        ) -> Worker:
            route = (
                CustomDomain(cf.zone_id, cf.hostnames.for_role(role))
                if cf.zone_id is not None and cf.hostnames is not None
                else WorkersDev(cf.workers_dev_subdomain)
            )
            return Worker(
                f"{name}-{role.slug}",
                WorkerArgs(
                    account_id=cf.cloudflare_account_id,
                    script_name=stage.script_name(role),
                    bundle=workers.bundles.for_role(role).bundle,
                    compatibility_date=workers.compatibility_date.isoformat(),
                    compatibility_flags=workers.compatibility_flags,
                    head_sampling_rate=settings.observability.head_sampling_rate,
                    bindings=[
                        _plain_text("ENVIRONMENT", stage.kind.value),
                        *database,
                        *bindings,
                    ],
                    route=route,
                    assets=assets,
                    after=[self.migrations],
                    protect=stage.is_production,
                ),
                child,
            )

        self.auth = worker(Role.AUTH, [_secret("SESSION_SECRET", session_secret.result)])
        self.web = worker(
            Role.WEB,
            [
                cloudflare.WorkersScriptBindingArgs(
                    name="AUTH", type="service", service=self.auth.script_name
                )
            ],
            Assets(
                directory=stage_assets(settings.root, workers.assets_dir),
                headers=read_optional(assets_root, "_headers"),
                redirects=read_optional(assets_root, "_redirects"),
            ),
        )
        stripe = settings.stripe
        self.stripe_webhook = worker(
            Role.STRIPE_WEBHOOK,
            [
                _secret("STRIPE_SECRET_KEY", stripe.stripe_secret_key.get_secret_value()),
                _secret(
                    "STRIPE_WEBHOOK_SECRET",
                    stripe.stripe_webhook_secret.get_secret_value(),
                ),
            ],
        )
        self.worker_names = pulumi.Output.from_input(
            {
                Role.WEB.value: self.web.script_name,
                Role.AUTH.value: self.auth.script_name,
                Role.STRIPE_WEBHOOK.value: self.stripe_webhook.script_name,
            }
        )
        self.register_outputs(
            {
                "webUrl": self.web.url,
                "authUrl": self.auth.url,
                "stripeWebhookUrl": self.stripe_webhook.url,
                "neonBranchId": self.database.branch_id,
                "neonBranchName": self.database.branch_name,
                "databaseUrl": self.database.database_url,
                "workerNames": self.worker_names,
            }
        )
