"""CrossGuard's entry point. Constructing `PolicyPack` starts the analyzer's gRPC server and never
returns, so everything worth testing lives in `codex_infra.review.policies`; this file only names
it."""

from pulumi_policy import EnforcementLevel, PolicyPack

from codex_infra.review.policies import PACK_DESCRIPTION, PACK_NAME, crossguard_policies

PolicyPack(
    name=PACK_NAME,
    policies=crossguard_policies(),
    enforcement_level=EnforcementLevel.MANDATORY,
    description=PACK_DESCRIPTION,
)
