"""`codex-infra capacity`: the plans' limits as config, the arithmetic for each plan and
topology (counted from the real plans), the JSON document, the live counts against a fake Neon
(Neon's OpenAPI contract) and a fake Cloudflare (the official SDK's models), and `--check-new`,
the preview workflow's early stop."""

from __future__ import annotations

import json
from collections.abc import Generator

import pytest
from click.testing import CliRunner, Result

from codex_infra import capacity as capacity_module
from codex_infra.capacity import NO_ROOM, Resource, Survey, limits, survey, tightest
from codex_infra.cli import main
from codex_infra.overrides import Overrides
from components.plans import CLOUDFLARE_PLANS, NEON_PLANS, CloudflareLimits, NeonLimits
from tests.cloudflare_fake import FakeCloudflare, fake_cloudflare
from tests.conftest import PROJECT_DIR, REPO
from tests.neon_fake import FakeNeon, fake_neon
from tests.test_settings import load, refused

# Pulumi.yaml's: staging's and the previews' project and account (the isolated topology).
PROJECT = "codex-example-00000000"
ACCOUNT = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
# Pulumi.production.yaml's: where the shared topology puts the previews too.
SHARED = {
    "topology": "shared",
    "neonProjectId": "codex-production-00000000",
    "cloudflareAccountId": "f0e1d2c3b4a5968778695a4b3c2d1e0f",
}
STAGING_SCRIPTS = ["codex-web-staging", "auth-worker-staging", "stripe-webhook-handler-staging"]


def preview_scripts(pr: int) -> list[str]:
    return [
        f"codex-web-preview-{pr}",
        f"auth-worker-preview-{pr}",
        f"stripe-webhook-handler-preview-{pr}",
    ]


@pytest.fixture(autouse=True)
def _in_project_without_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)
    for name in ("NEON_API_KEY", "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


_SURVEYS: dict[tuple[tuple[str, str], ...], Survey] = {}


def surveyed(stack: str = "pr-1", **config: str) -> Survey:
    """The real plans of the preview, staging and production, once per config."""
    key = (("stack", stack), *sorted(config.items()))
    if key not in _SURVEYS:
        _SURVEYS[key] = survey(PROJECT_DIR, stack, Overrides(dict(config), {}))
    return _SURVEYS[key]


# Config --------------------------------------------------------------------------------------


def test_plans_default_to_free_and_resolve_to_the_documented_numbers() -> None:
    plans = load("pr-3").plans
    assert (plans.neon_plan, plans.cloudflare_plan) == ("free", "free")
    assert plans.neon == NeonLimits(
        branches_per_project=10,
        root_branches_per_project=3,
        compute_hours_per_month=100,
        max_compute_units=2,
        scale_to_zero="fixed",
    )
    assert plans.cloudflare.workers_per_account == 100
    launch = load("pr-3", neonPlan="launch", cloudflarePlan="paid").plans
    assert (launch.neon.branches_per_project, launch.neon.included_branches_per_project) == (
        5000,
        10,
    )
    assert launch.neon.root_branches_per_project == 5
    assert launch.cloudflare.workers_per_account == 500
    scale = load("staging", neonPlan="scale").plans.neon
    assert (scale.included_branches_per_project, scale.root_branches_per_project) == (25, 25)


def test_explicit_numbers() -> None:
    plans = load(
        "pr-3",
        neonPlan='{"branchesPerProject": 40, "includedBranchesPerProject": 20}',
        cloudflarePlan='{"workersPerAccount": 1000}',
    ).plans
    assert plans.neon == NeonLimits(branches_per_project=40, included_branches_per_project=20)
    assert plans.cloudflare == CloudflareLimits(workers_per_account=1000)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"neonPlan": "pro"}, "codex:neonPlan: must be free, launch, scale or an object of"),
        ({"cloudflarePlan": "enterprise"}, "codex:cloudflarePlan: must be free, paid or an"),
        (
            {"neonPlan": '{"branchesPerProject": 0}'},
            "codex:neonPlan.numbers.branchesPerProject: Input should be greater than or equal",
        ),
        ({"neonPlan": '{"branches": 3}'}, "codex:neonPlan.numbers.branches: Extra inputs"),
        (
            {"neonPlan": '{"branchesPerProject": 5, "includedBranchesPerProject": 9}'},
            "codex:neonPlan.numbers: includedBranchesPerProject is more than branchesPerProject",
        ),
        ({"cloudflarePlan": "[100]"}, "codex:cloudflarePlan.numbers: Input should be a valid"),
    ],
)
def test_refused_plans_name_the_key(overrides: dict[str, str], expected: str) -> None:
    assert expected in refused("pr-3", **overrides)


# The arithmetic, from the real plans --------------------------------------------------------


def test_what_one_preview_and_the_other_stacks_take_comes_from_the_plans() -> None:
    isolated = surveyed()
    assert (isolated.project, isolated.account) == (PROJECT, ACCOUNT)
    assert isolated.preview.branches == ("preview/pr-1",)
    assert sorted(isolated.preview.scripts) == sorted(preview_scripts(1))
    assert [o.stack for o in isolated.others] == ["staging"]  # production is apart
    assert isolated.other_branches == ["main", "staging"]
    assert sorted(isolated.other_scripts) == sorted(STAGING_SCRIPTS)
    shared = surveyed(**SHARED)
    assert shared.topology == "shared"
    assert [o.stack for o in shared.others] == ["production", "staging"]
    # production adopts the default branch, the parent of staging and the previews: one branch.
    assert shared.other_branches == ["main", "staging"]
    assert len(shared.other_scripts) == 6


# (neonPlan, cloudflarePlan) -> (previews that fit, limited by, without extra-branch charges)
# for the isolated topology (staging's 2 branches and 3 scripts) and the shared one (production's
# 3 scripts too; its branch is the parent both count).
TABLE = {
    ("free", "free"): ((8, "neonBranches", 8), (8, "neonBranches", 8)),
    ("free", "paid"): ((8, "neonBranches", 8), (8, "neonBranches", 8)),
    ("launch", "free"): ((32, "workerScripts", 8), (31, "workerScripts", 8)),
    ("launch", "paid"): ((165, "workerScripts", 8), (164, "workerScripts", 8)),
    ("scale", "free"): ((32, "workerScripts", 23), (31, "workerScripts", 23)),
    ("scale", "paid"): ((165, "workerScripts", 23), (164, "workerScripts", 23)),
}


@pytest.mark.parametrize(("neon", "cloudflare"), list(TABLE))
@pytest.mark.parametrize("topology", ["isolated", "shared"])
def test_previews_that_fit_for_each_plan(neon: str, cloudflare: str, topology: str) -> None:
    found = surveyed(**(SHARED if topology == "shared" else {}))
    rows = limits(NEON_PLANS[neon], CLOUDFLARE_PLANS[cloudflare], found.taken, found.per_preview)
    hard, cheap = tightest(rows), tightest(rows, billed=True)
    expected = TABLE[neon, cloudflare][topology == "shared"]
    assert (hard.fit, hard.resource.value, cheap.fit) == expected


def test_the_documented_table_is_this_one() -> None:
    readme = (REPO / "docs" / "operations.md").read_text()
    for neon in ("free", "launch", "scale"):
        (row,) = [line for line in readme.splitlines() if line.startswith(f"| `{neon}` |")]
        cells = [c.strip() for c in row.strip("|").split("|")[1:]]
        for cell, cloudflare in zip(cells, ("free", "paid"), strict=True):
            isolated, shared = TABLE[neon, cloudflare]
            assert cell.startswith(f"{isolated[0]} / {shared[0]} "), (neon, cloudflare)
            if isolated[2] < isolated[0]:
                assert f"{isolated[2]} without extra-branch charges" in cell


def test_the_arithmetic_of_each_limit() -> None:
    found = surveyed()
    rows = limits(NEON_PLANS["launch"], CLOUDFLARE_PLANS["free"], found.taken, found.per_preview)
    assert [(r.resource, r.arithmetic(), r.billed) for r in rows] == [
        (Resource.BRANCHES, "(5000 - 2) / 1 = 4998", False),
        (Resource.INCLUDED_BRANCHES, "(10 - 2) / 1 = 8", True),
        (Resource.SCRIPTS, "(100 - 3) / 3 = 32", False),
    ]


@pytest.mark.parametrize(("neon", "fit"), [("free", 2), ("launch", 4), ("scale", 24)])
def test_schema_only_previews_are_root_branches(neon: str, fit: int) -> None:
    """Neon makes a schema-only branch a root branch; the project's own root takes one."""
    found = surveyed(previewData="schema-only")
    assert found.preview.new_roots == ("preview/pr-1",)
    assert found.taken.root_branches == 1
    rows = limits(NEON_PLANS[neon], CLOUDFLARE_PLANS["free"], found.taken, found.per_preview)
    assert (tightest(rows).fit, tightest(rows).resource) == (fit, Resource.ROOT_BRANCHES)


def test_explicit_numbers_count_like_a_plan() -> None:
    found = surveyed()
    neon = NeonLimits(branches_per_project=100)  # no root-branch or billing limit known
    rows = limits(neon, CloudflareLimits(workers_per_account=30), found.taken, found.per_preview)
    assert [r.resource for r in rows] == [Resource.BRANCHES, Resource.SCRIPTS]
    assert (tightest(rows).fit, tightest(rows).resource) == (9, Resource.SCRIPTS)  # (30-3)/3


# The command ---------------------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["capacity", *args])


def test_json_document() -> None:
    result = run("--json", "--config", "neonPlan=scale", "--config", "cloudflarePlan=paid")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["previewsThatFit"] == 165
    assert isinstance(document["previewsThatFit"], int)
    assert document["limitedBy"] == "workerScripts"
    assert document["previewsWithoutExtraCharges"] == 23
    assert document["topology"] == "isolated"
    assert document["sharedWith"] == ["staging"]
    assert document["perPreview"] == {
        "stack": "pr-1",
        "neonBranches": 1,
        "neonRootBranches": 0,
        "workerScripts": 3,
    }
    assert document["taken"]["branchNames"] == ["main", "staging"]
    assert [row["resource"] for row in document["limits"]] == [
        "neonBranches",
        "neonIncludedBranches",
        "workerScripts",
    ]
    assert document["limits"][1] == {
        "resource": "neonIncludedBranches",
        "limit": 25,
        "taken": 2,
        "perPreview": 1,
        "previewsThatFit": 23,
        "billedBeyond": True,
    }
    assert document["neon"]["plan"] == "scale"
    assert document["neon"]["read"] == document["cloudflare"]["read"] == "2026-12-01"
    assert document["cloudflare"]["sources"] == [
        "https://developers.cloudflare.com/workers/platform/limits/#number-of-workers"
    ]
    assert document["inUse"] is None
    assert result.stderr == ""


def test_text_shows_the_arithmetic(monkeypatch: pytest.MonkeyPatch) -> None:
    _use(monkeypatch, surveyed(**SHARED))
    result = run()
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "with production and staging (topology shared)" in out
    assert "  Neon branches    (10 - 2) / 1 = 8\n" in out
    assert "  Workers scripts  (100 - 6) / 3 = 31\n" in out
    assert "8 previews fit at once, limited by Neon branches." in out
    assert "100 CU-hours a month with production and staging" in out
    assert "(production's too)" in out
    assert "In use now: not counted (NEON_API_KEY and CLOUDFLARE_API_TOKEN not set)." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--config", "neonPlan=pro"), "codex:neonPlan: must be free, launch, scale"),
        (("--check-new", "staging"), "--check-new takes a preview stack (pr-<N>), not 'staging'"),
        (("--check-new", "pr-07"), "stack name 'pr-07' is not allowed"),
        (
            ("--check-new", "pr-7"),
            "--check-new counts what is in use: set NEON_API_KEY, CLOUDFLARE_API_TOKEN",
        ),
    ],
)
def test_mistakes_are_one_line(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


# What is in use now: a fake Neon and a fake Cloudflare ----------------------------------------


@pytest.fixture
def neon(monkeypatch: pytest.MonkeyPatch) -> Generator[FakeNeon]:
    with fake_neon(monkeypatch) as fake:
        fake.add_project(PROJECT)
        fake.add_branch(PROJECT, "staging")
        yield fake


@pytest.fixture
def cloudflare(monkeypatch: pytest.MonkeyPatch) -> Generator[FakeCloudflare]:
    with fake_cloudflare(monkeypatch) as fake:
        for name in STAGING_SCRIPTS:
            fake.add_script(ACCOUNT, name)
        yield fake


def _use(monkeypatch: pytest.MonkeyPatch, found: Survey) -> None:
    """The command on an already planned survey (the planning has its own tests above)."""

    def planned(_root: object, stack: str, overrides: Overrides) -> Survey:
        assert stack == found.preview.stack
        assert overrides.plain == {}
        return found

    monkeypatch.setattr(capacity_module, "survey", planned)


def _previews(neon: FakeNeon, cloudflare: FakeCloudflare, *prs: int) -> None:
    for pr in prs:
        neon.add_branch(PROJECT, f"preview/pr-{pr}")
        for name in preview_scripts(pr):
            cloudflare.add_script(ACCOUNT, name)


def test_counts_what_is_in_use(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed())
    _previews(neon, cloudflare, 4, 5, 6)
    cloudflare.add_script(ACCOUNT, "someone-elses-worker")
    result = run("--json")
    assert result.exit_code == 0, result.output
    in_use = json.loads(result.stdout)["inUse"]
    assert in_use["neonBranches"] == 5  # main, staging and three previews
    assert in_use["neonRootBranches"] == 1
    assert in_use["workerScripts"] == 13
    assert (in_use["previewBranches"], in_use["previewScripts"]) == (3, 9)
    assert (in_use["morePreviewsThatFit"], in_use["limitedBy"]) == (5, "neonBranches")
    assert [(c.method, c.path) for c in cloudflare.requests] == [
        ("GET", f"/accounts/{ACCOUNT}/workers/scripts")
    ]
    assert neon.count("GET", rf"/projects/{PROJECT}/branches$") == 1
    text = run()
    assert "In use now: 5 Neon branches (3 of previews), 1 of them root; 13 Workers" in text.stdout
    assert "  Neon branches    (10 - 5) / 1 = 5\n" in text.stdout
    assert "5 more previews fit now, limited by Neon branches." in text.stdout


def test_a_new_preview_that_fits_passes(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed("pr-9"))
    _previews(neon, cloudflare, *range(1, 8))  # 9 of 10 branches
    result = run("--check-new", "pr-9")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("pr-9 adds 1 Neon branch(es) and 3 Workers scripts: it fits.\n")


def test_a_new_preview_that_does_not_fit_stops_with_a_pointer_to_the_reaper(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed("pr-9"))
    _previews(neon, cloudflare, *range(1, 9))  # 10 of 10 branches
    result = run("--check-new", "pr-9")
    assert result.exit_code == NO_ROOM == 3, result.output
    assert "0 more previews fit now, limited by Neon branches." in result.stdout
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "codex-infra: error: no room for pr-9 (Neon branches: 10 in use + 1 > 10): run the"
        " reaper (`codex-infra reap --apply`, or the reap workflow with apply ticked)"
    )
    document = json.loads(run("--check-new", "pr-9", "--json").stdout)
    assert document["checkNew"] == {
        "stack": "pr-9",
        "needs": {"neonBranches": 1, "neonRootBranches": 0, "workerScripts": 3},
        "fits": False,
    }


def test_an_existing_preview_redeploys_even_when_full(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed("pr-9"))
    _previews(neon, cloudflare, *range(2, 10))  # full, pr-9 among them
    result = run("--check-new", "pr-9")
    assert result.exit_code == 0, result.output
    assert "pr-9 adds 0 Neon branch(es) and 0 Workers scripts: it fits." in result.stdout


def test_an_expired_branch_of_an_existing_preview_needs_room_again(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neon deleted pr-9's branch at expires_at; its Workers are still there."""
    _use(monkeypatch, surveyed("pr-9"))
    _previews(neon, cloudflare, *range(1, 9))
    for name in preview_scripts(9):
        cloudflare.add_script(ACCOUNT, name)
    result = run("--check-new", "pr-9", "--json")
    assert result.exit_code == NO_ROOM, result.output
    needs = json.loads(result.stdout)["checkNew"]["needs"]
    assert needs == {"neonBranches": 1, "neonRootBranches": 0, "workerScripts": 0}


def test_the_workers_limit_stops_a_new_preview_too(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed("pr-9"))
    for i in range(95):  # 98 of 100
        cloudflare.add_script(ACCOUNT, f"other-{i}")
    result = run("--check-new", "pr-9")
    assert result.exit_code == NO_ROOM, result.output
    assert "(Workers scripts: 98 in use + 3 > 100)" in result.stderr


def test_a_cloudflare_refusal_is_one_line(
    neon: FakeNeon, cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed())
    cloudflare.fail("GET", r"/workers/scripts$", 403, 10000, "Authentication error")
    result = run()
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"codex-infra: error: Cloudflare API GET /client/v4/accounts/{ACCOUNT}/workers/scripts"
        f" (list the Workers scripts of account {ACCOUNT}) failed with HTTP 403:"
        " 10000 Authentication error\n"
    )
    assert cloudflare.token not in result.output


def test_only_one_token_counts_nothing_live(
    cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, surveyed())
    result = run()
    assert result.exit_code == 0, result.output
    assert "In use now: not counted (NEON_API_KEY not set)." in result.stdout
    assert cloudflare.count() == 0
