"""`codex-infra stale-lock`: cancel only a lock conflict that Pulumi's output names, held by an
update older than any job of ours may run; never another run's live update."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from codex_infra.cli import main
from codex_infra.operations.stale_lock import STALE_AFTER, LockVerdict, classify

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
# The self-managed backend's message (pkg/backend/diy/lock.go), one line per lock.
DIY = (
    "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) "
    "to end or delete the lock file with `pulumi cancel`.\n"
    "  s3://state/.pulumi/locks/organization/codex/pr-1/6c1c0b1e.json: created by "
    "runner@fv-az123 (pid 2211) at {at}\n"
)
CLOUD = "error: [409] Conflict: Another update is currently in progress.\n"


def _update(result: str, start: str, ci: bool = True) -> dict[str, object]:
    """An entry of `pulumi stack history --json` (pkg/cmd/pulumi/stack/stack_history.go);
    the CLI records the CI system it ran in among the update's environment metadata."""
    return {
        "result": result,
        "startTime": start,
        "environment": {"ci.system": "GitHub Actions"} if ci else {"exec.kind": "cli"},
    }


def _at(minutes_ago: int) -> str:
    return (NOW - dt.timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize(
    ("output", "history", "verdict"),
    [
        (DIY.format(at=_at(120)), [], LockVerdict.STALE),  # a job that died two hours ago
        (DIY.format(at=_at(5)), [], LockVerdict.LIVE),  # maybe another run, maybe a person
        (DIY.format(at=_at(120)) + DIY.format(at=_at(5)), [], LockVerdict.LIVE),  # one is fresh
        (DIY.format(at="yesterday"), [], LockVerdict.LIVE),  # unreadable: never cancel
        (CLOUD, [_update("in-progress", "2026-12-01T10:00:00.000Z")], LockVerdict.STALE),
        (CLOUD, [_update("in-progress", "2026-12-01T11:50:00.000+00:00")], LockVerdict.LIVE),
        (CLOUD, [_update("succeeded", "2026-11-30T10:00:00.000Z")], LockVerdict.LIVE),
        # a person's long update from a laptop: never cancelled, however old
        (CLOUD, [_update("in-progress", "2026-12-01T08:00:00.000Z", ci=False)], LockVerdict.LIVE),
        (DIY.format(at=_at(120)).replace("runner@", "alice@"), [], LockVerdict.LIVE),
        (CLOUD, [], LockVerdict.LIVE),  # the service did not say when it started: never cancel
        ("error: update failed: 1 error occurred: Neon answered 500\n", [], LockVerdict.NONE),
    ],
)  # fmt: skip
def test_only_an_old_lock_is_cancelled(output: str, history: object, verdict: LockVerdict) -> None:
    assert classify(output, history, NOW)[0] is verdict


def test_the_threshold_outlasts_every_job_that_runs_pulumi() -> None:
    timeouts = []
    for name in ("preview", "deploy", "reap"):
        text = (Path(__file__).parent.parent / ".github/workflows" / f"{name}.yml").read_text()
        timeouts += [
            int(line.split(":")[1]) for line in text.splitlines() if "timeout-minutes:" in line
        ]
    assert dt.timedelta(minutes=max(timeouts)) < STALE_AFTER


def test_the_command_prints_the_verdict_and_why(tmp_path: Path) -> None:
    log, history = tmp_path / "pulumi.log", tmp_path / "history.json"
    log.write_text(CLOUD)
    history.write_text(json.dumps([_update("in-progress", "2020-01-01T00:00:00.000Z")]))
    result = CliRunner().invoke(main, ["stale-lock", str(log), str(history)])
    assert (result.exit_code, result.stdout) == (0, "stale\n")
    assert result.stderr.startswith("stale: CI's update in progress started ")
    history.write_text("not json")
    result = CliRunner().invoke(main, ["stale-lock", str(log), str(history)])
    assert result.exit_code == 2
    assert "not the JSON of pulumi stack history" in result.stderr
