"""One Cloudflare Worker from a pre-built bundle, reachable on workers.dev or a custom domain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulumi
import pulumi_cloudflare as cloudflare

from components.bundle import Bundle
from components.naming import WORKERS_DEV_URL

#: Binding types a deploy keeps from the script's previous version when the program lacks them.
KEEP_BINDINGS = ["secret_text"]


def _observability(rate: float) -> cloudflare.WorkersScriptObservabilityArgs:
    """Every field written out: the block is not Computed and Read copies what the API returns,
    so a field left to its default would show as a change after every refresh. Not set:
    `traces.propagation_policy`, which the provider keeps from state (and which needs a feature
    flag to send)."""
    return cloudflare.WorkersScriptObservabilityArgs(
        enabled=True,
        head_sampling_rate=rate,
        issues=cloudflare.WorkersScriptObservabilityIssuesArgs(enabled=False),
        logs=cloudflare.WorkersScriptObservabilityLogsArgs(
            enabled=True,
            invocation_logs=True,
            head_sampling_rate=rate,
            persist=True,
            destinations=[],
        ),
        traces=cloudflare.WorkersScriptObservabilityTracesArgs(
            enabled=False, head_sampling_rate=rate, persist=True, destinations=[]
        ),
    )


@dataclass(frozen=True)
class Assets:
    """Static assets served before the Worker; the binding name is how the Worker reaches them."""

    directory: str
    binding: str = "ASSETS"
    headers: str | None = None
    redirects: str | None = None


@dataclass(frozen=True)
class CustomDomain:
    """Production: reached on its own hostname only."""

    zone_id: str
    hostname: str


@dataclass(frozen=True)
class WorkersDev:
    """Staging and previews: reached on `<script>.<account subdomain>.workers.dev`."""

    account_subdomain: str


@dataclass(frozen=True)
class WorkerArgs:
    account_id: str
    script_name: str
    bundle: Bundle
    compatibility_date: str
    compatibility_flags: Sequence[str]
    head_sampling_rate: float
    bindings: Sequence[cloudflare.WorkersScriptBindingArgs]
    route: CustomDomain | WorkersDev
    assets: Assets | None = None
    # The script must not go live before these (the database migrations).
    after: Sequence[pulumi.Resource] = ()
    # Production's scripts serve users: `pulumi destroy` or a rename must not delete them.
    protect: bool = False


class Worker(pulumi.ComponentResource):
    TYPE = "codex:index:Worker"

    def __init__(
        self, name: str, args: WorkerArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(self.TYPE, name, None, opts)
        bundle = args.bundle
        bindings = list(args.bindings)
        if args.assets is not None:
            bindings.append(
                cloudflare.WorkersScriptBindingArgs(name=args.assets.binding, type="assets")
            )
        self.script = cloudflare.WorkersScript(
            f"{name}-script",
            account_id=args.account_id,
            script_name=args.script_name,
            main_module=bundle.main.name,
            content_file=bundle.main.path,
            content_sha256=bundle.main.sha256,
            # None, not {}, without extra modules: state holds null there, and {} would differ.
            files={
                module.name: cloudflare.WorkersScriptFilesArgs(
                    content_type=module.content_type,
                    content_file=module.path,
                    content_sha256=module.sha256,
                )
                for module in bundle.modules
            }
            or None,
            compatibility_date=args.compatibility_date,
            compatibility_flags=list(args.compatibility_flags),
            observability=_observability(args.head_sampling_rate),
            # Secrets set with `wrangler secret put` survive our deploys (the upload would drop
            # them); Read leaves unmanaged secrets out of state, so they show no drift.
            keep_bindings=KEEP_BINDINGS,
            assets=None
            if args.assets is None
            else cloudflare.WorkersScriptAssetsArgs(
                directory=args.assets.directory,
                config=cloudflare.WorkersScriptAssetsConfigArgs(
                    headers=args.assets.headers, redirects=args.assets.redirects
                ),
            ),
            bindings=bindings,
            opts=pulumi.ResourceOptions(
                parent=self, depends_on=list(args.after), protect=args.protect
            ),
        )
        self.script_name = self.script.script_name
        # Set explicitly either way, so a production Worker is never also public on workers.dev.
        workers_dev = isinstance(args.route, WorkersDev)
        cloudflare.WorkersScriptSubdomain(
            f"{name}-workers-dev",
            account_id=args.account_id,
            script_name=self.script.script_name,
            enabled=workers_dev,
            previews_enabled=False,
            opts=pulumi.ResourceOptions(parent=self),
        )
        if isinstance(args.route, WorkersDev):
            self.url = pulumi.Output.format(
                WORKERS_DEV_URL, self.script.script_name, args.route.account_subdomain
            )
        else:
            cloudflare.WorkersCustomDomain(
                f"{name}-domain",
                account_id=args.account_id,
                zone_id=args.route.zone_id,
                hostname=args.route.hostname,
                service=self.script.script_name,
                opts=pulumi.ResourceOptions(parent=self, protect=True),
            )
            self.url = pulumi.Output.from_input(f"https://{args.route.hostname}")
        self.register_outputs({"scriptName": self.script_name, "url": self.url})
