"""An environment's Neon branch, via our dynamic provider (pulumi-neon has no branch resource)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pulumi
import pulumi.dynamic

from components.neon_provider import NeonBranchProvider

__all__ = ["NeonBranch", "NeonBranchArgs", "NeonBranchProvider"]

SECRET_OUTPUTS = ["database_url", "direct_database_url"]


@dataclass(frozen=True)
class NeonBranchArgs:
    """`parent_branch=None` marks production's default branch: only ever adopted, never
    created or deleted, so it is also protected and retained by Pulumi."""

    project_id: str
    branch_name: str
    parent_branch: str | None
    database_name: str
    role_name: str
    expires_at: str | None = None
    protected: bool | None = None

    @property
    def is_default_branch(self) -> bool:
        return self.parent_branch is None


class _Branch(pulumi.dynamic.Resource):
    branch_id: pulumi.Output[str]
    endpoint_id: pulumi.Output[str]
    host: pulumi.Output[str]
    pooler_host: pulumi.Output[str]
    database_url: pulumi.Output[str]
    direct_database_url: pulumi.Output[str]

    def __init__(self, name: str, args: NeonBranchArgs, opts: pulumi.ResourceOptions) -> None:
        props = {
            **asdict(args),
            **{key: None for key in ("branch_id", "endpoint_id", "host", "pooler_host")},
            **{key: None for key in SECRET_OUTPUTS},
        }
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
                protect=args.is_default_branch,
                retain_on_delete=args.is_default_branch,
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
