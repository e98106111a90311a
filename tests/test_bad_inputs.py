"""Malformed configs and stack names: `plan` and `check` both end with exit code 2 and one line
naming the key (or the stack), never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from codex_infra.cli import main
from tests.conftest import copy_project

HOSTNAMES = {
    "web": "codex.example.com",
    "auth": "auth.example.com",
    "stripeWebhook": "s.example.com",
}


@dataclass(frozen=True)
class Bad:
    id: str
    stack: str
    # Written into Pulumi.<stack>.yaml over the committed one (as `pulumi config set` would).
    config: dict[str, Any] = field(default_factory=dict[str, Any])
    # Given like `pulumi config set --secret` (plan --secret; the check uses placeholders).
    secrets: dict[str, str] = field(default_factory=dict[str, str])
    names: str = ""


BAD = [
    Bad("ttl-wrong-type", "pr-3", {"previewTtlHours": "a week"}, names="codex:previewTtlHours"),
    Bad(
        "sampling-wrong-type",
        "staging",
        {"headSamplingRate": "high"},
        names="codex:headSamplingRate",
    ),
    Bad(
        "flags-not-a-list",
        "pr-3",
        {"compatibilityFlags": "nodejs_compat"},
        names="codex:compatibilityFlags",
    ),
    Bad(
        "hostnames-not-an-object",
        "production",
        {"hostnames": "codex.example.com"},
        names="codex:hostnames",
    ),
    Bad(
        "subdomain-empty", "staging", {"workersDevSubdomain": ""}, names="codex:workersDevSubdomain"
    ),
    Bad(
        "migration-command-empty", "pr-3", {"migrationCommand": " "}, names="codex:migrationCommand"
    ),
    Bad("account-id-empty", "pr-3", {"cloudflareAccountId": ""}, names="codex:cloudflareAccountId"),
    Bad("project-id-too-long", "staging", {"neonProjectId": "p" * 65}, names="codex:neonProjectId"),
    Bad("ttl-over-30-days", "pr-3", {"previewTtlHours": 721}, names="codex:previewTtlHours"),
    Bad("ttl-zero", "pr-3", {"previewTtlHours": 0}, names="codex:previewTtlHours"),
    Bad(
        "live-key-in-preview",
        "pr-3",
        secrets={"stripeSecretKey": "sk_live_abc123"},
        names="codex:stripeSecretKey",
    ),
    Bad(
        "test-key-in-production",
        "production",
        secrets={"stripeSecretKey": "sk_test_abc123"},
        names="codex:stripeSecretKey",
    ),
    Bad(
        "bad-hostname",
        "production",
        {"hostnames": {**HOSTNAMES, "web": "codex_web.example.com"}},
        names="codex:hostnames.web",
    ),
    Bad(
        "hostname-too-long",
        "production",
        {"hostnames": {**HOSTNAMES, "auth": "a" * 64 + ".example.com"}},
        names="codex:hostnames.auth",
    ),
    Bad(
        "domains-in-staging",
        "staging",
        {"zoneId": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"},
        names="codex:zoneId",
    ),
    Bad(
        "compat-date-not-a-date",
        "pr-3",
        {"compatibilityDate": "2026-02-30"},
        names="codex:compatibilityDate",
    ),
    Bad(
        "compat-date-format",
        "pr-3",
        {"compatibilityDate": "1/11/2026"},
        names="codex:compatibilityDate",
    ),
    Bad(
        "compat-date-future",
        "staging",
        {"compatibilityDate": "2999-01-01"},
        names="codex:compatibilityDate",
    ),
    Bad(
        "unknown-key",
        "staging",
        {"zoneID": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"},
        names="codex:zoneID",
    ),
    Bad("pr-zero", "pr-0", names="stack name 'pr-0'"),
    Bad("pr-leading-zero", "pr-012", names="stack name 'pr-012'"),
    Bad("stack-empty", "", names="stack name ''"),
    Bad("stack-unknown", "Production", names="stack name 'Production'"),
    Bad("pr-number-too-long", "pr-" + "9" * 60, names="Worker script name"),
    Bad(
        "bundle-path-traversal",
        "pr-3",
        {
            "bundles": {
                "web": {"dir": "../outside"},
                "auth": {"dir": "examples/bundles/auth"},
                "stripeWebhook": {"dir": "examples/bundles/stripe-webhook"},
            }
        },
        names="codex:bundles.web",
    ),
    Bad("assets-absolute", "pr-3", {"assetsDir": "/etc"}, names="codex:assetsDir"),
    Bad(
        "migrations-traversal",
        "staging",
        {"migrationsDir": "examples/../../x"},
        names="codex:migrationsDir",
    ),
    Bad(
        "assets-with-worker",
        "pr-3",
        {"assetsDir": "examples/unsafe-assets"},
        names="codex:assetsDir",
    ),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project for bad stack files, with an assets dir holding Worker code."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    unsafe = root / "examples" / "unsafe-assets"
    unsafe.mkdir()
    (unsafe / "index.html").write_text("<!doctype html>\n")
    (unsafe / "_worker.js").write_text("export default {};\n")
    return root


@pytest.fixture
def stack_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Writes Pulumi.<stack>.yaml as the committed one plus `config`; restores it afterwards."""
    monkeypatch.chdir(project)
    written: dict[Path, str | None] = {}

    def write(stack: str, config: dict[str, Any]) -> None:
        path = project / f"Pulumi.{stack}.yaml"
        original = path.read_text() if path.is_file() else None
        written.setdefault(path, original)
        data = yaml.safe_load(original or "") or {}
        data["config"] = {
            **(data.get("config") or {}),
            **{f"codex:{k}": v for k, v in config.items()},
        }
        path.write_text(yaml.safe_dump(data))

    yield write
    for path, original in written.items():
        if original is None:
            path.unlink()
        else:
            path.write_text(original)


def test_the_table_covers_the_issue() -> None:
    assert len(BAD) >= 15
    assert len({b.id for b in BAD}) == len(BAD)


# The check plans with placeholder secrets, so bad secrets go through `plan --secret` only.
CASES = [
    (command, bad)
    for bad in BAD
    for command in ("plan", "check")
    if not (bad.secrets and command == "check")
]


@pytest.mark.parametrize(("command", "bad"), CASES, ids=[f"{c}-{b.id}" for c, b in CASES])
def test_bad_input_is_one_line_and_exit_2(stack_file: Any, command: str, bad: Bad) -> None:
    if bad.config:
        stack_file(bad.stack, bad.config)
    flags = [f for k, v in bad.secrets.items() for f in ("--secret", f"{k}={v}")]
    result = CliRunner().invoke(main, [command, bad.stack, *flags])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("codex-infra: error: ")
    assert bad.names in line
    assert "Traceback" not in result.output
    for value in bad.secrets.values():
        assert value not in result.output
