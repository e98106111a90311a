"""What the Neon and Cloudflare plans allow that limits how many previews exist at once, and
what one Worker version may hold.

The numbers are the providers' published ones, read on READ_ON from the pages named below;
they change, so `codex:neonPlan` / `codex:cloudflarePlan` also take explicit numbers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

READ_ON = "2026-12-01"
# Plan overview and "Branches" / "Extra branches": branches per project (Free 10, no extras;
# Launch 10 and Scale 25 included, extra ones billed at $1.50 per branch-month, at most 5,000
# a project), Free's 100 CU-hours per project a month (computes suspend when they run out).
NEON_PLANS_URL = "https://neon.com/docs/introduction/plans"
# "Max branches ... Includes all branches (production, development, snapshots)": the root
# branch counts toward the limit.
NEON_ALL_BRANCHES_URL = "https://neon.com/docs/guides/ai-agent-integration"
# "Root branch": root branches allowed per project (Free 3, Launch 5, Scale 25); a schema-only
# branch is a root branch.
NEON_ROOT_BRANCHES_URL = "https://neon.com/docs/manage/branches#root-branch"
# "Number of Workers": Workers per account, 100 on Workers Free and 500 on Workers Paid.
WORKERS_LIMITS_URL = "https://developers.cloudflare.com/workers/platform/limits/#number-of-workers"
# "Number of Static Asset files per Worker version": 20,000 on Workers Free, 100,000 on Workers Paid
# (wrangler's own ceiling, MAX_ASSET_COUNT, is 100,000; the upload session says the account's).
WORKERS_ASSETS_LIMITS_URL = (
    "https://developers.cloudflare.com/workers/platform/limits/#static-assets"
)


class _Limits(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=to_camel, populate_by_name=True
    )


class NeonLimits(_Limits):
    """Per project. `branchesPerProject` is where Neon refuses one more branch (the root branch
    included); beyond `includedBranchesPerProject` each branch is billed; None: no such limit."""

    branches_per_project: int = Field(ge=1)
    included_branches_per_project: int | None = Field(default=None, ge=1)
    root_branches_per_project: int | None = Field(default=None, ge=1)
    compute_hours_per_month: float | None = Field(default=None, gt=0)
    # What a branch's endpoint may be set to (plans page, "Autoscaling" and "Scale to zero"):
    # the largest autoscaling size, and whether scale to zero is fixed at 5 minutes (Free), may
    # only be disabled (Launch), or takes any delay (Scale).
    max_compute_units: float | None = Field(default=None, ge=0.25)
    scale_to_zero: Literal["fixed", "can-disable", "configurable"] = "configurable"

    @model_validator(mode="after")
    def _included_within_the_limit(self) -> NeonLimits:
        included = self.included_branches_per_project
        if included is not None and included > self.branches_per_project:
            raise ValueError("includedBranchesPerProject is more than branchesPerProject")
        return self


class CloudflareLimits(_Limits):
    """Per account; static assets per Worker version (Free's number unless given)."""

    workers_per_account: int = Field(ge=1)
    asset_files_per_version: int = Field(default=20_000, ge=1)


NEON_PLANS: dict[str, NeonLimits] = {
    "free": NeonLimits(
        branches_per_project=10,
        root_branches_per_project=3,
        compute_hours_per_month=100,
        max_compute_units=2,
        scale_to_zero="fixed",
    ),
    "launch": NeonLimits(
        branches_per_project=5000,
        included_branches_per_project=10,
        root_branches_per_project=5,
        max_compute_units=16,
        scale_to_zero="can-disable",
    ),
    "scale": NeonLimits(
        branches_per_project=5000,
        included_branches_per_project=25,
        root_branches_per_project=25,
        max_compute_units=16,
    ),
}
CLOUDFLARE_PLANS: dict[str, CloudflareLimits] = {
    "free": CloudflareLimits(workers_per_account=100, asset_files_per_version=20_000),
    "paid": CloudflareLimits(workers_per_account=500, asset_files_per_version=100_000),
}
