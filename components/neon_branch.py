"""An environment's Neon branch, via our dynamic provider (pulumi-neon has no branch resource)."""

from __future__ import annotations

from dataclasses import asdict

import pulumi
import pulumi.dynamic

from components.neon_provider import OUTPUT_KEYS, BranchSpec, NeonBranchProvider

__all__ = ["NeonBranch", "NeonBranchArgs", "NeonBranchProvider"]

SECRET_OUTPUTS = ["database_url", "direct_database_url"]


# The provider's own record of a branch's inputs is the component's args: one shape for both.
NeonBranchArgs = BranchSpec


class _Branch(pulumi.dynamic.Resource):
    branch_id: pulumi.Output[str]
    endpoint_id: pulumi.Output[str]
    host: pulumi.Output[str]
    pooler_host: pulumi.Output[str]
    database_url: pulumi.Output[str]
    direct_database_url: pulumi.Output[str]

    def __init__(self, name: str, args: NeonBranchArgs, opts: pulumi.ResourceOptions) -> None:
        # Outputs are declared as props without a value, as dynamic resources require.
        props = {**asdict(args), **dict.fromkeys(OUTPUT_KEYS)}
        super().__init__(NeonBranchProvider(), name, props, opts)


class NeonBranch(pulumi.ComponentResource):
    """Outputs: branch id and name, host, pooled and direct connection strings (secrets)."""

    TYPE = "codex:index:NeonBranch"

    def __init__(
        self,
        name: str,
        args: NeonBranchArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__(self.TYPE, name, None, opts)
        branch = _Branch(
            f"{name}-branch",
            args,
            pulumi.ResourceOptions(
                parent=self,
                additional_secret_outputs=SECRET_OUTPUTS,
                protect=args.is_production,
                retain_on_delete=args.is_production,
            ),
        )
        self.branch_id = branch.branch_id
        self.branch_name = pulumi.Output.from_input(args.branch_name)
        self.host = branch.host
        self.database_url = pulumi.Output.secret(branch.database_url)
        self.direct_database_url = pulumi.Output.secret(branch.direct_database_url)
        self.register_outputs(
            {
                "branchId": self.branch_id,
                "branchName": self.branch_name,
                "host": self.host,
                "databaseUrl": self.database_url,
                "directDatabaseUrl": self.direct_database_url,
            }
        )
