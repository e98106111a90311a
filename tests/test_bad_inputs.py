"""Malformed configs and stack names: `plan` and `check` both end with exit code 2 and one line
naming the key (or the stack), never a traceback."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from codex_infra.cli import main
from codex_infra.engine.config import StackConfigError, load_stack_config
from components.bundle import publishable_assets
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


# A YAML alias bomb: nine levels of nine references each, about 400 million nodes expanded.
_BOMB = "\n".join(
    [f"  l0: &l0 [{', '.join(['lol'] * 9)}]"]
    + [f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
)
# (id, stack file text or bytes (None: a directory), what the one line names)
BROKEN_STACK_FILES: list[tuple[str, str | bytes | None, str]] = [
    # Pulumi reads a bare key in a stack file as the project's: `codex:headSamplingRate`.
    ("bare-key", "config:\n  headSamplingRate: zzz\n", "codex:headSamplingRate"),
    ("bare-and-full-key", "config:\n  topology: shared\n  codex:topology: isolated\n", "twice"),
    ("scalar", "just some words\n", "Pulumi.staging.yaml: want a mapping"),
    ("list", "- config\n", "Pulumi.staging.yaml: want a mapping"),
    ("directory", None, "Pulumi.staging.yaml: cannot be read (Is a directory)"),
    ("non-string-key", "config:\n  1: 2\n", "Pulumi.staging.yaml: config key 1 is not a string"),
    ("random-bytes", bytes(range(128, 256)) * 8, "Pulumi.staging.yaml: is not UTF-8 text"),
    ("alias-bomb", f"config:\n{_BOMB}\n", "Pulumi.staging.yaml: line 3: a YAML alias"),
]


@pytest.fixture
def staging_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Replaces Pulumi.staging.yaml with the given text, bytes or (None) a directory."""
    monkeypatch.chdir(project)
    path = project / "Pulumi.staging.yaml"
    original = path.read_bytes()

    def write(content: str | bytes | None) -> None:
        path.unlink()
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content.encode() if isinstance(content, str) else content)

    yield write
    if path.is_dir():
        path.rmdir()
    path.write_bytes(original)


def assert_one_line(result: Result, names: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("codex-infra: error: ")
    assert names in line


@pytest.mark.parametrize("command", ["plan", "check"])
@pytest.mark.parametrize(
    ("content", "names"),
    [(content, names) for _, content, names in BROKEN_STACK_FILES],
    ids=[case for case, _, _ in BROKEN_STACK_FILES],
)
def test_a_broken_stack_file_is_one_line(
    staging_file: Any, command: str, content: str | bytes | None, names: str
) -> None:
    staging_file(content)
    started = time.monotonic()
    assert_one_line(CliRunner().invoke(main, [command, "staging"]), names)
    assert time.monotonic() - started < 10  # the bomb is refused, not expanded


def test_an_alias_in_the_project_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("config:\n  a: &x 1\n  b: *x\n")
    with pytest.raises(StackConfigError, match=r"^Pulumi\.yaml: line 3: a YAML alias"):
        load_stack_config(tmp_path, "pr-3")


@pytest.mark.parametrize("command", ["plan", "check"])
def test_an_over_long_stack_name_is_one_line(project: Path, command: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        result = CliRunner().invoke(main, [command, "pr-" + "1" * 293])
    assert_one_line(result, "stack name of 296 characters: Pulumi takes 1 to 100")


@pytest.mark.parametrize("command", ["plan", "check"])
@pytest.mark.parametrize("epoch", ["abc", "-5", "1.5", "99999999999999"])
def test_a_bad_source_date_epoch_is_one_line(project: Path, command: str, epoch: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("SOURCE_DATE_EPOCH", epoch)
        result = CliRunner().invoke(main, [command, "pr-3"])
    assert_one_line(result, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970")


def assets_of(root: Path) -> Path:
    """The web Worker's assets folder, as the project's config names it."""
    return root / load_stack_config(root, "pr-3").values["codex:assetsDir"]


@pytest.mark.parametrize("command", ["plan", "check"])
def test_an_assets_link_to_the_environment_is_refused_and_nothing_staged(
    tmp_path: Path, command: str
) -> None:
    """The red team's `ln -s /proc/self/environ <assets>/env.txt`."""
    root = copy_project(tmp_path)
    (assets_of(root) / "env.txt").symlink_to("/proc/self/environ")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(main, [command, "pr-3"])
    assert_one_line(
        result, "codex:assetsDir: env.txt is a symbolic link that leaves the folder: refused"
    )
    assert not list(root.glob(".codex-build/assets/*/env.txt"))
    environ = Path("/proc/self/environ").read_bytes().split(b"\0")[0].decode()
    assert environ not in result.output


@pytest.mark.parametrize("command", ["plan", "check"])
def test_assets_cloudflare_would_refuse_fail_at_plan_and_check(
    tmp_path: Path, command: str
) -> None:
    root = copy_project(tmp_path)
    assets = assets_of(root)
    published = len(publishable_assets(assets))
    with (assets / "video.mp4").open("wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        big = CliRunner().invoke(main, [command, "pr-3"])
        (assets / "video.mp4").unlink()
        # One file over what the plan allows (the example's _headers is config, not a file).
        plan = f'{{"workersPerAccount": 100, "assetFilesPerVersion": {published - 1}}}'
        many = CliRunner().invoke(main, [command, "pr-3", "--config", f"cloudflarePlan={plan}"])
    assert_one_line(
        big, "codex:assetsDir: video.mp4 is 200.0 MiB; Cloudflare refuses a static asset over 25"
    )
    assert_one_line(
        many,
        f"codex:assetsDir: {published} files would be published; the codex:cloudflarePlan allows"
        f" at most {published - 1} static assets per Worker version",
    )
