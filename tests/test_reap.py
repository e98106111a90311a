"""The reaper: its decision table, the refusal of non-preview names, each real client
against a fake of its service, and `codex-infra reap --apply` end to end.

The Neon side runs over real HTTP against the spec-validating fake Neon, and Cloudflare's against
the fake that answers only what the official SDK's models accept; stacks, PRs and Workers are
in-memory fakes of the reaper's interfaces in the end-to-end runs, and the real GitHub, Cloudflare
and Pulumi clients are checked request by request on their own.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner
from neon_fake import FakeNeon, fake_neon

from codex_infra.clients.cloudflare import CloudflareError, WorkersApi
from codex_infra.clients.github import GitHubClient, GitHubError
from codex_infra.clients.http import Retry
from codex_infra.clients.neon import NeonClient
from codex_infra.errors import FaultError
from codex_infra.operations.reap import (
    CloudflareScripts,
    Decision,
    GitHubPulls,
    Inventory,
    NeonPreviewBranches,
    PreviewHome,
    PulumiStacks,
    Services,
    StackInfo,
    Thing,
    Verdict,
    decide,
    make_command,
    preview_pr,
    reap,
    render,
)
from components.naming import Kind, Role, Stage
from tests.cloudflare_fake import FakeCloudflare, fake_cloudflare
from tests.conftest import PROJECT_DIR, copy_project

PROJECT = "proj-reap-1"
ACCOUNT = "0123456789abcdef0123456789abcdef"
TOKEN = "secret-token-do-not-print"
FAST = Retry(attempts=3, base_seconds=0.001, max_wait_seconds=0.01)

# Names that look like a preview's but are not: never touched, whatever the PRs say.
NOT_PREVIEW = {
    Thing.STACK: ["production", "staging", "pr-0", "pr-01", "pr-1x", "PR-3", "pr-3-old"],
    Thing.BRANCH: [
        "main",
        "staging",
        "preview/pr-01",
        "preview/main",
        "preview/pr-0",
        "preview/pr-3/x",
        "pr-3",
        "preview-pr-3",
        "Preview/pr-3",
    ],
    Thing.SCRIPT: [
        "codex-web-production",
        "codex-web-staging",
        "codex-web-preview-1x",
        "codex-web-preview-01",
        "auth-worker-preview-0",
        "other-app-preview-3",
        "codex-web-preview-3-old",
        "codex-web--preview-3",
        "3",
    ],
}


def inventory(
    stacks: Sequence[str | StackInfo] = (),
    open_prs: Sequence[int] = (),
    branches: Sequence[str] = (),
    scripts: Sequence[str] = (),
) -> Inventory:
    infos = tuple(s if isinstance(s, StackInfo) else StackInfo(s) for s in stacks)
    return Inventory(infos, frozenset(open_prs), tuple(branches), tuple(scripts))


def verdicts(decisions: Sequence[Decision]) -> dict[str, Verdict]:
    return {d.name: d.verdict for d in decisions}


def preview_names(pr: int) -> list[str]:
    stage = Stage(Kind.PREVIEW, pr)
    return [stage.branch_name("main"), *(stage.script_name(role) for role in Role)]


# Names ----------------------------------------------------------------------------------


@pytest.mark.parametrize("pr", [1, 7, 42, 1234567])
def test_every_name_naming_makes_for_a_preview_is_recognised(pr: int) -> None:
    branch, *scripts = preview_names(pr)
    assert preview_pr(Thing.BRANCH, branch) == pr
    assert [preview_pr(Thing.SCRIPT, s) for s in scripts] == [pr] * len(Role)
    assert preview_pr(Thing.STACK, f"pr-{pr}") == pr
    assert preview_pr(Thing.STACK, f"acme/codex/pr-{pr}") == pr


@pytest.mark.parametrize(
    ("thing", "name"), [(thing, name) for thing, names in NOT_PREVIEW.items() for name in names]
)
def test_names_that_are_not_a_previews_are_ignored(thing: Thing, name: str) -> None:
    assert preview_pr(thing, name) is None
    listed = {
        Thing.STACK: inventory(stacks=[name]),
        Thing.BRANCH: inventory(branches=[name]),
        Thing.SCRIPT: inventory(scripts=[name]),
    }[thing]
    decisions = decide(listed)
    assert decisions == [Decision(Verdict.IGNORE, thing, name, "not a preview name")]


def test_a_preview_name_of_another_kind_is_not_accepted() -> None:
    assert preview_pr(Thing.SCRIPT, "preview/pr-3") is None
    assert preview_pr(Thing.BRANCH, "codex-web-preview-3") is None
    assert preview_pr(Thing.STACK, "codex-web-preview-3") is None
    assert preview_pr(Thing.STACK, "acme/other-project/pr-3") is None
    assert preview_pr(Thing.STACK, "a/b/codex/pr-3") is None


# The decision table ---------------------------------------------------------------------


def test_an_open_pr_keeps_everything_even_without_a_stack() -> None:
    (branch1, *scripts1), (branch2, *scripts2) = preview_names(1), preview_names(2)
    decisions = decide(inventory(["pr-1"], [1, 2], [branch1, branch2], scripts1 + scripts2))
    assert {d.verdict for d in decisions} == {Verdict.KEEP}
    assert len(decisions) == 1 + 2 * 4
    assert all(d.reason in ("PR #1 is open", "PR #2 is open") for d in decisions)


def test_a_closed_prs_stack_is_destroyed_and_its_own_resources_wait_for_it() -> None:
    branch, *scripts = preview_names(3)
    decisions = decide(inventory(["pr-3"], [], [branch], scripts))
    assert verdicts(decisions) == {"pr-3": Verdict.DESTROY} | dict.fromkeys(
        [branch, *scripts], Verdict.KEEP
    )
    kept = next(d for d in decisions if d.name == branch)
    assert kept.reason == "owned by stack pr-3, which is destroyed first; checked again after"


def test_leftovers_of_a_closed_pr_without_a_stack_are_deleted() -> None:
    branch, *scripts = preview_names(5)
    decisions = decide(inventory([], [4], [branch], scripts))
    assert verdicts(decisions) == dict.fromkeys([branch, *scripts], Verdict.DELETE)
    assert decisions[0].reason == "PR #5 is not open and no stack pr-5 owns it"


def test_a_stack_with_an_update_running_is_left_with_everything_it_owns() -> None:
    branch, *scripts = preview_names(6)
    decisions = decide(inventory([StackInfo("pr-6", busy=True)], [], [branch], scripts))
    assert set(verdicts(decisions).values()) == {Verdict.KEEP}
    assert (
        decisions[0].reason == "PR #6 is not open, but an update is running: left for the next run"
    )
    assert decisions[-1].reason == "owned by stack pr-6"


def test_a_fully_qualified_stack_name_is_acted_on_as_listed() -> None:
    decisions = decide(inventory(["acme/codex/pr-8"], [], ["preview/pr-8"]))
    assert verdicts(decisions) == {"acme/codex/pr-8": Verdict.DESTROY, "preview/pr-8": Verdict.KEEP}


def test_stacks_come_first_then_workers_web_before_auth_then_branches() -> None:
    decisions = decide(
        inventory(
            ["staging", "pr-9"],
            [],
            ["preview/pr-5", "preview/main", "preview/pr-12"],
            ["auth-worker-preview-5", "stripe-webhook-handler-preview-5", "codex-web-preview-5"],
        )
    )
    assert [d.name for d in decisions] == [
        "staging",
        "pr-9",
        "codex-web-preview-5",
        "stripe-webhook-handler-preview-5",
        "auth-worker-preview-5",
        "preview/main",
        "preview/pr-5",
        "preview/pr-12",
    ]


def test_nothing_listed_decides_nothing() -> None:
    assert decide(inventory()) == []
    assert render([]) == "nothing listed\n"


def test_render_is_one_aligned_line_per_name_and_a_count() -> None:
    decisions = decide(inventory(["pr-3", "production"], [1], ["preview/pr-1"]))
    assert render(decisions).splitlines() == [
        "ignore   stack        production    not a preview name",
        "destroy  stack        pr-3          PR #3 is not open",
        "keep     Neon branch  preview/pr-1  PR #1 is open",
        "destroy 1, keep 1, ignore 1",
    ]


# The real clients, each against a fake of its service ----------------------------------


@dataclass
class FakeApi:
    """An httpx transport answering from a handler and recording every request."""

    handler: Callable[[httpx.Request], httpx.Response]
    requests: list[httpx.Request] = field(default_factory=list[httpx.Request])

    def client(self, base_url: str) -> GitHubClient:
        def record(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            return self.handler(request)

        return GitHubClient(base_url, TOKEN, retry=FAST, transport=httpx.MockTransport(record))


def test_github_open_prs_follow_every_page() -> None:
    page2 = "https://api.github.com/repositories/99/pulls?state=open&per_page=100&page=2"

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("page") == "2":
            return httpx.Response(200, json=[{"number": 3}])
        return httpx.Response(
            200, json=[{"number": 1}, {"number": 2}], headers={"Link": f'<{page2}>; rel="next"'}
        )

    api = FakeApi(answer)
    with api.client("https://api.github.com") as http:
        assert GitHubPulls(http, "acme/codex").open_numbers() == {1, 2, 3}
    assert [str(r.url) for r in api.requests] == [
        "https://api.github.com/repos/acme/codex/pulls?state=open&per_page=100",
        page2,
    ]
    assert {r.headers["Authorization"] for r in api.requests} == {f"Bearer {TOKEN}"}


def test_github_token_is_never_sent_to_another_host() -> None:
    api = FakeApi(
        lambda _: httpx.Response(
            200, json=[], headers={"Link": '<https://evil.example/pulls?page=2>; rel="next"'}
        )
    )
    with (
        api.client("https://api.github.com") as http,
        pytest.raises(GitHubError, match=r"refusing to follow a link to evil\.example"),
    ):
        GitHubPulls(http, "acme/codex").open_numbers()
    assert len(api.requests) == 1


def test_transient_failures_are_retried_and_errors_are_one_clean_line() -> None:
    answers = iter([httpx.Response(503, text="busy"), httpx.Response(200, json=[{"number": 4}])])
    api = FakeApi(lambda _: next(answers))
    with api.client("https://api.github.com") as http:
        assert GitHubPulls(http, "acme/codex").open_numbers() == {4}
    assert len(api.requests) == 2

    api = FakeApi(lambda _: httpx.Response(401, json={"message": "Bad credentials"}))
    with api.client("https://api.github.com") as http, pytest.raises(GitHubError) as error:
        GitHubPulls(http, "acme/codex").open_numbers()
    assert str(error.value) == (
        "GitHub API GET /repos/acme/codex/pulls failed with HTTP 401: Bad credentials"
    )
    assert len(api.requests) == 1  # a refused token is not retried


def test_retries_honour_retry_after_within_the_time_bound(
    caplog: pytest.LogCaptureFixture,
) -> None:
    answers = iter(
        [httpx.Response(429, headers={"Retry-After": "0.3"}), httpx.Response(200, json=[])]
    )
    api = FakeApi(lambda _: next(answers))
    started = time.monotonic()
    with api.client("https://api.github.com") as http:
        assert GitHubPulls(http, "acme/codex").open_numbers() == set()
    assert time.monotonic() - started >= 0.3  # not FAST's 0.01 s backoff
    assert "HTTP 429" in caplog.text
    assert "retrying in 0.3 s" in caplog.text
    assert len(api.requests) == 2

    # A wait longer than the whole call may take gives up at once with the service's answer.
    api = FakeApi(lambda _: httpx.Response(429, headers={"Retry-After": "3600"}, text="slow down"))
    with api.client("https://api.github.com") as http, pytest.raises(GitHubError) as error:
        GitHubPulls(http, "acme/codex").open_numbers()
    assert str(error.value).endswith("failed with HTTP 429: slow down")
    assert len(api.requests) == 1
    assert TOKEN not in caplog.text


@pytest.fixture
def cloudflare(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCloudflare]:
    with fake_cloudflare(monkeypatch) as fake:
        fake.add_account(ACCOUNT)
        yield fake


def scripts_of(account: str = ACCOUNT) -> CloudflareScripts:
    return CloudflareScripts(WorkersApi.from_env(), account)


def test_cloudflare_lists_and_deletes_scripts_without_force(cloudflare: FakeCloudflare) -> None:
    for name in ("codex-web-preview-3", "codex-web-production"):
        cloudflare.add_script(ACCOUNT, name)
    workers = scripts_of()
    assert workers.names() == ["codex-web-preview-3", "codex-web-production"]
    assert workers.delete("codex-web-preview-3") is True
    assert workers.delete("codex-web-preview-3") is False  # already gone: not a failure
    assert cloudflare.script_names(ACCOUNT) == ["codex-web-production"]
    assert [(c.method, c.path, c.query) for c in cloudflare.requests] == [
        ("GET", f"/accounts/{ACCOUNT}/workers/scripts", {}),
        ("DELETE", f"/accounts/{ACCOUNT}/workers/scripts/codex-web-preview-3", {}),
        ("DELETE", f"/accounts/{ACCOUNT}/workers/scripts/codex-web-preview-3", {}),
    ]


def test_a_cloudflare_refusal_is_a_failure_naming_the_call(cloudflare: FakeCloudflare) -> None:
    """(The hand-written client also took a 200 with `success: false` as a failure; the SDK, the
    contract, reads the status, and the fake refuses to send such an answer.)"""
    cloudflare.fail("GET", r"/workers/scripts$", 403, 10000, "Authentication error")
    with pytest.raises(CloudflareError, match="Authentication error") as raised:
        scripts_of().names()
    assert str(raised.value) == (
        f"Cloudflare API GET /client/v4/accounts/{ACCOUNT}/workers/scripts (list the Workers"
        f" scripts of account {ACCOUNT}) failed with HTTP 403: 10000 Authentication error"
    )


@pytest.mark.parametrize("name", NOT_PREVIEW[Thing.SCRIPT])
def test_cloudflare_delete_refuses_a_name_that_is_not_a_previews(
    cloudflare: FakeCloudflare, name: str
) -> None:
    cloudflare.add_script(ACCOUNT, name)
    with pytest.raises(FaultError, match="not a preview name"):
        scripts_of().delete(name)
    assert cloudflare.requests == []
    assert cloudflare.script_names(ACCOUNT) == [name]


@dataclass
class FakeRunner:
    """Stands in for the pulumi CLI: records each command, answers from a table."""

    answers: dict[str, tuple[int, str, str]]
    calls: list[tuple[list[str], bool]] = field(default_factory=list[tuple[list[str], bool]])

    def __call__(self, args: Sequence[str], *, capture: bool) -> tuple[int, str, str]:
        self.calls.append((list(args), capture))
        return self.answers.get(args[0], (0, "", ""))


def test_pulumi_stacks_are_listed_from_stack_ls_json() -> None:
    listed = [
        {"name": "production", "current": False, "updateInProgress": False, "resourceCount": 20},
        {"name": "pr-3", "current": True, "updateInProgress": False},
        {"name": "pr-4", "current": False, "updateInProgress": True},
    ]
    runner = FakeRunner({"stack": (0, json.dumps(listed), "")})
    assert PulumiStacks(runner).names() == [
        StackInfo("production"),
        StackInfo("pr-3"),
        StackInfo("pr-4", busy=True),
    ]
    assert runner.calls == [(["stack", "ls", "--json", "--non-interactive"], True)]


def test_pulumi_stack_ls_failure_stops_with_its_message() -> None:
    runner = FakeRunner(
        {"stack": (255, "", "warning: x\nerror: PULUMI_ACCESS_TOKEN must be set\n")}
    )
    with pytest.raises(FaultError, match="exit 255\\): error: PULUMI_ACCESS_TOKEN must be set"):
        PulumiStacks(runner).names()


def test_pulumi_destroy_refreshes_and_removes_the_stack() -> None:
    runner = FakeRunner({})
    PulumiStacks(runner).destroy("pr-3")
    assert runner.calls == [
        (
            [
                "destroy",
                "--stack",
                "pr-3",
                "--yes",
                "--skip-preview",
                "--non-interactive",
                "--refresh",
                "--remove",
            ],
            False,
        )
    ]
    with pytest.raises(FaultError, match="pulumi destroy --stack pr-4 failed \\(exit 1\\)"):
        PulumiStacks(FakeRunner({"destroy": (1, "", "")})).destroy("pr-4")


@pytest.mark.parametrize("name", NOT_PREVIEW[Thing.STACK])
def test_pulumi_destroy_refuses_a_stack_that_is_not_a_preview(name: str) -> None:
    runner = FakeRunner({})
    with pytest.raises(FaultError, match="refusing to touch stack"):
        PulumiStacks(runner).destroy(name)
    assert runner.calls == []


# Neon: pagination and the branch store, over HTTP against the fake ----------------------


@pytest.fixture
def neon(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeNeon]:
    with fake_neon(monkeypatch) as fake:
        fake.add_project(PROJECT)
        yield fake


# A full page carries a cursor, so 4 branches take 2 full pages and an empty one.
@pytest.mark.parametrize(("extra", "pages"), [(2, 2), (3, 3), (4, 3), (5, 4)])
def test_neon_branches_are_listed_page_by_page(neon: FakeNeon, extra: int, pages: int) -> None:
    for n in range(extra):
        neon.add_branch(PROJECT, f"preview/pr-{n + 1}")
    with NeonClient.from_env() as client:
        branches = client.list_branches(PROJECT, page_size=2)
    assert sorted(b["name"] for b in branches) == neon.branch_names(PROJECT)
    assert [c.query.get("cursor") for c in neon.requests] == [
        None,
        *(f"fake-cursor-{2 * i}" for i in range(1, pages)),
    ]
    assert {c.query["limit"] for c in neon.requests} == {"2"}


@pytest.mark.parametrize("name", NOT_PREVIEW[Thing.BRANCH])
def test_neon_delete_refuses_a_branch_that_is_not_a_previews(neon: FakeNeon, name: str) -> None:
    if name != "main":
        neon.add_branch(PROJECT, name)
    with NeonClient.from_env() as client:
        branches = NeonPreviewBranches(client, PROJECT)
        branches.names()
        with pytest.raises(FaultError, match="not a preview name"):
            branches.delete(name)
    assert neon.count("DELETE") == 0


# `codex-infra reap` end to end ---------------------------------------------------------


@dataclass
class FakeStacks:
    """Pulumi stacks in memory. Destroying one deletes what its state holds, as pulumi would:
    the Neon branch and the Workers listed in `owns`; stacks in `broken` fail to destroy."""

    neon: FakeNeon
    scripts: FakeScripts
    stacks: list[StackInfo]
    owns: dict[str, list[str]]
    broken: set[str] = field(default_factory=set[str])
    destroyed: list[str] = field(default_factory=list[str])

    def names(self) -> list[StackInfo]:
        return list(self.stacks)

    def destroy(self, name: str) -> None:
        self.destroyed.append(name)
        if name in self.broken:
            raise FaultError(f"pulumi destroy --stack {name} failed (exit 255); see its output")
        for owned in self.owns.get(name, []):
            if owned.startswith("preview/"):
                self.neon.remove_branch(PROJECT, owned)
            else:
                self.scripts.scripts.remove(owned)
        self.stacks = [s for s in self.stacks if s.name != name]


@dataclass
class FakeScripts:
    scripts: list[str]
    deleted: list[str] = field(default_factory=list[str])

    def names(self) -> list[str]:
        return list(self.scripts)

    def delete(self, name: str) -> bool:
        self.deleted.append(name)
        if name not in self.scripts:
            return False
        self.scripts.remove(name)
        return True


@dataclass
class FakePulls:
    open: set[int]
    error: Exception | None = None
    calls: int = 0

    def open_numbers(self) -> frozenset[int]:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return frozenset(self.open)


@dataclass
class World:
    neon: FakeNeon
    stacks: FakeStacks
    pulls: FakePulls
    scripts: FakeScripts
    targets: list[PreviewHome] = field(default_factory=list[PreviewHome])

    def connect(self, target: PreviewHome) -> Generator[Services]:
        self.targets.append(target)
        with NeonClient.from_env() as client:
            yield Services(
                self.stacks,
                self.pulls,
                NeonPreviewBranches(client, target.neon_project_id),
                self.scripts,
            )

    def run(self, *args: str, env: dict[str, str] | None = None) -> Any:
        command = make_command(contextmanager(self.connect))
        env = {"GITHUB_REPOSITORY": "acme/codex", "NEON_PROJECT_ID": PROJECT, **(env or {})}
        return CliRunner().invoke(command, list(args), env=env)


BRANCHES = [
    "staging",
    "preview/pr-1",  # open PR with its stack
    "preview/pr-2",  # open PR whose first deploy has no stack listed yet
    "preview/pr-3",  # closed; its stack's destroy deletes it
    "preview/pr-4",  # closed; its stack fails to destroy: kept for the next run
    "preview/pr-5",  # closed, no stack: orphan
    "preview/pr-6",  # closed; its stack is busy
    "preview/pr-05",
    "preview/main",
    "dev",
]
# The listed names of the world below that are not a preview's.
NOT_PREVIEW_LISTED = [
    "preview/pr-05",
    "preview/main",
    "codex-web-production",
    "codex-web-preview-1x",
    "auth-worker-preview-0",
    "other-app-preview-5",
]
SCRIPTS = [
    "codex-web-preview-1",
    "auth-worker-preview-3",
    "codex-web-preview-3",
    "stripe-webhook-handler-preview-3",  # not in pr-3's state: left after its destroy
    "auth-worker-preview-4",
    "auth-worker-preview-5",
    "codex-web-preview-5",
    "codex-web-production",
    "codex-web-preview-1x",
    "auth-worker-preview-0",
    "other-app-preview-5",
]


@pytest.fixture
def world(neon: FakeNeon, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.chdir(PROJECT_DIR)
    for name in BRANCHES:
        neon.add_branch(PROJECT, name)
    scripts = FakeScripts(list(SCRIPTS))
    stack_names = ["production", "staging", "pr-1", "pr-3", "pr-4"]
    stacks = FakeStacks(
        neon,
        scripts,
        [*(StackInfo(s) for s in stack_names), StackInfo("pr-6", busy=True)],
        owns={"pr-3": ["preview/pr-3", "codex-web-preview-3", "auth-worker-preview-3"]},
        broken={"pr-4"},
    )
    return World(neon, stacks, FakePulls({1, 2}), scripts)


def test_apply_reaps_closed_prs_and_never_touches_anything_else(world: World) -> None:
    result = world.run("--apply")

    assert result.exit_code == 1, result.output  # pr-4 failed; everything else was done
    assert world.stacks.destroyed == ["pr-3", "pr-4"]
    assert [s.name for s in world.stacks.stacks] == [
        "production",
        "staging",
        "pr-1",
        "pr-4",
        "pr-6",
    ]
    # Deleted after the destroys, from a fresh listing: web before auth.
    assert world.scripts.deleted == [
        "stripe-webhook-handler-preview-3",
        "codex-web-preview-5",
        "auth-worker-preview-5",
    ]
    assert world.scripts.scripts == [
        "codex-web-preview-1",
        "auth-worker-preview-4",
        "codex-web-production",
        "codex-web-preview-1x",
        "auth-worker-preview-0",
        "other-app-preview-5",
    ]
    assert world.neon.branch_names(PROJECT) == sorted(
        (set(BRANCHES) | {"main"}) - {"preview/pr-3", "preview/pr-5"}
    )
    assert world.neon.count("DELETE") == 1  # preview/pr-5; pr-3's went with its stack
    assert world.pulls.calls == 2  # listed again after the destroys
    assert "destroy stack pr-4: FAILED: pulumi destroy --stack pr-4 failed" in result.output
    assert "1 action(s) failed; the rest were done." in result.output
    assert "delete Neon branch preview/pr-5: done" in result.output
    ignored = re.findall(
        r"^ignore +(?:stack|Worker|Neon branch) +(\S+) +not a preview name$", result.output, re.M
    )
    assert sorted(ignored) == sorted(
        [*NOT_PREVIEW_LISTED, "production", "staging", "main", "staging", "dev"]
    )
    assert world.neon.api_key not in result.output


def test_report_only_changes_nothing(world: World) -> None:
    result = world.run()

    assert result.exit_code == 0, result.output
    assert world.stacks.destroyed == []
    assert world.scripts.deleted == []
    assert world.neon.count("DELETE") == 0
    lines = result.output.splitlines()
    assert any(line.startswith("destroy  stack        pr-3 ") for line in lines)
    assert any(
        line.startswith("delete   Neon branch  preview/pr-5 ")
        and line.endswith("PR #5 is not open and no stack pr-5 owns it")
        for line in lines
    )
    assert any(line.startswith("keep     Neon branch  preview/pr-2 ") for line in lines)
    assert lines[-2:] == [
        "destroy 2, delete 3, keep 12, ignore 11",
        "Report only: run with --apply to do this.",
    ]


def test_a_failed_listing_stops_before_anything_is_touched(world: World) -> None:
    world.pulls.error = GitHubError("GET", "/repos/acme/codex/pulls", 502, "Bad Gateway")

    result = world.run("--apply")

    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "codex-infra: error: GitHub API GET /repos/acme/codex/pulls failed with HTTP 502:"
        " Bad Gateway"
    )
    assert world.stacks.destroyed == []
    assert world.scripts.deleted == []
    assert world.neon.count("DELETE") == 0


def test_nothing_to_reap(neon: FakeNeon, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)
    neon.add_branch(PROJECT, "preview/pr-1")
    scripts = FakeScripts(["codex-web-preview-1"])
    world = World(neon, FakeStacks(neon, scripts, [StackInfo("pr-1")], {}), FakePulls({1}), scripts)

    result = world.run("--apply")

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "Nothing to reap."
    assert world.pulls.calls == 1


def test_ids_come_from_pulumi_yaml_unless_given(world: World) -> None:
    world.run(env={"NEON_PROJECT_ID": ""})
    world.run("--cloudflare-account-id", ACCOUNT)
    assert [(t.repo, t.neon_project_id, t.cloudflare_account_id) for t in world.targets] == [
        ("acme/codex", "codex-example-00000000", "a1b2c3d4e5f60718293a4b5c6d7e8f90"),
        ("acme/codex", PROJECT, ACCOUNT),
    ]
    assert {t.root for t in world.targets} == {PROJECT_DIR}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GITHUB_REPOSITORY": ""}, "repository '' is not owner/name"),
        ({"GITHUB_TOKEN": ""}, "GITHUB_TOKEN is not set"),
        ({"CLOUDFLARE_API_TOKEN": ""}, "CLOUDFLARE_API_TOKEN is not set"),
        ({"NEON_API_KEY": ""}, "NEON_API_KEY is not set"),
    ],
)
def test_the_real_command_stops_on_missing_settings_before_any_request(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    monkeypatch.chdir(PROJECT_DIR)
    settings = {
        "GITHUB_REPOSITORY": "acme/codex",
        "GITHUB_TOKEN": TOKEN,
        "CLOUDFLARE_API_TOKEN": TOKEN,
        "NEON_API_KEY": TOKEN,
        "GITHUB_API_URL": "http://127.0.0.1:9",  # nothing listens: a request would fail
        **env,
    }
    result = CliRunner().invoke(reap, ["--apply"], env=settings)
    assert result.exit_code == 2
    assert message in result.output
    assert TOKEN not in result.output


def test_ids_neither_given_nor_in_the_config_name_both_ways_to_give_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project = copy_project(tmp_path / "project")
    config = yaml.safe_load((project / "Pulumi.yaml").read_text())
    del config["config"]["neonProjectId"]
    (project / "Pulumi.yaml").write_text(yaml.safe_dump(config))
    monkeypatch.chdir(project)
    env = {"GITHUB_REPOSITORY": "acme/codex", "NEON_PROJECT_ID": "", "CLOUDFLARE_ACCOUNT_ID": ""}
    result = CliRunner().invoke(reap, [], env=env)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "codex-infra: error: codex:neonProjectId: is required"
        " (or give --neon-project-id and --cloudflare-account-id)"
    ]
