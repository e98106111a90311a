"""`codex-infra plan`: the tree and the JSON against the program's resources, redaction,
determinism and every error path. In-process through click, plus one real console-script run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from codex_infra.cli import main
from codex_infra.engine.mock import ENGINE_LOG, SECRET, Plan
from codex_infra.errors import WITHHELD
from tests.conftest import PROJECT_DIR, copy_project

Planned = Callable[[str], tuple[Plan, dict[str, Any]]]
STACKS = ("production", "staging", "pr-7")
URN = {"type": "string", "pattern": r"^urn:pulumi:[a-z0-9-]+::codex::\S+::\S+$"}
PLAN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["project", "stack", "resources", "outputs"],
    "properties": {
        "project": {"const": "codex"},
        "stack": {"type": "string"},
        "resources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "urn",
                    "type",
                    "name",
                    "parent",
                    "custom",
                    "protect",
                    "dependencies",
                    "inputs",
                ],
                "properties": {
                    "urn": URN,
                    "type": {"type": "string", "minLength": 1},
                    "name": {"type": "string", "minLength": 1},
                    "parent": {"anyOf": [URN, {"type": "null"}]},
                    "custom": {"type": "boolean"},
                    "protect": {"type": "boolean"},
                    "dependencies": {"type": "array", "items": URN, "uniqueItems": True},
                    "inputs": {"type": "object"},
                },
            },
        },
        "outputs": {"type": "object"},
    },
}


def node(line: str) -> str:
    """`│  ├─ TYPE  NAME  [flags]` -> `TYPE  NAME`."""
    return line.split("─ ", 1)[1].split("  [", 1)[0]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(autouse=True)
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)


@pytest.mark.parametrize("stack", STACKS)
def test_tree_shows_every_resource_with_its_key_inputs(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    result = run("plan", stack)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"codex/{stack}: {len(plan.resources)} resources"
    nodes = [line for line in lines if line.lstrip(" │").startswith(("├─ ", "└─ "))]
    assert len(nodes) == len(plan.resources)
    for resource in plan.resources:
        (line,) = [n for n in nodes if node(n) == f"{resource.type}  {resource.name}"]
        assert ("[protected" in line) is resource.protect
    for script in plan.of_type("cloudflare:index/workersScript:WorkersScript"):
        assert any(line.endswith(f"scriptName: {script.inputs['scriptName']}") for line in lines)
    assert lines[lines.index("outputs:") + 1 :] == [
        f"  {key}: {value if isinstance(value, str) else json.dumps(value)}"
        for key, value in sorted(plan.outputs.items())
    ]


def test_tree_nests_children_under_their_component() -> None:
    lines = run("plan", "pr-7").stdout.splitlines()
    assert lines[1] == "└─ codex:index:Environment  codex"
    web = lines.index("   ├─ codex:index:Worker  codex-web")
    assert (
        lines[web + 1] == "   │  ├─ cloudflare:index/workersScript:WorkersScript  codex-web-script"
    )
    assert "bindings: ENVIRONMENT (plain_text), DATABASE_URL (secret_text), AUTH (service)" in (
        "\n".join(lines[web:])
    )


def test_tree_shows_each_scripts_modules_and_assets(planned: Planned) -> None:
    """What is uploaded, not only the entry module: the other modules and the published assets."""
    plan, _ = planned("pr-7")
    web = plan.by_name("codex-web-script").inputs
    lines = run("plan", "pr-7").stdout.splitlines()
    start = lines.index("   ├─ codex:index:Worker  codex-web")
    shown = {
        key: value
        for line in lines[start:]
        if ": " in line and "─ " not in line
        for key, value in [line.strip(" │").split(": ", 1)]
    }
    modules = sorted(web["files"].items())
    assert modules, "the example web Worker has modules beside its entry"
    assert shown["files"] == ", ".join(f"{n} ({m['contentType']})" for n, m in modules)
    assert shown["assets"] == f"{web['assets']['directory']} (with _headers)"


def test_production_tree_flags_protected_and_retained_resources() -> None:
    lines = run("plan", "production").stdout.splitlines()
    flagged = sorted(
        node(line).split("  ", 1)[1] + "  [" + line.split("  [", 1)[1]
        for line in lines
        if "─ " in line and line.endswith("]")
    )
    assert flagged == [
        "codex-auth-domain  [protected]",
        "codex-auth-script  [protected]",
        "codex-db-branch  [protected, retained]",
        "codex-stripe-webhook-domain  [protected]",
        "codex-stripe-webhook-script  [protected]",
        "codex-web-domain  [protected]",
        "codex-web-script  [protected]",
    ]


@pytest.mark.parametrize("stack", STACKS)
def test_json_has_the_documented_shape_and_the_program_resources(
    planned: Planned, stack: str
) -> None:
    plan, _ = planned(stack)
    result = run("plan", stack, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    jsonschema.validate(document, PLAN_SCHEMA)
    assert document["stack"] == stack
    assert [
        (r["urn"], r["type"], r["name"], r["parent"], r["custom"], r["protect"])
        for r in document["resources"]
    ] == [(r.urn, r.type, r.name, r.parent, r.custom, r.protect) for r in plan.resources]
    assert [r["dependencies"] for r in document["resources"]] == [
        list(r.dependencies) for r in plan.resources
    ]
    assert [r["inputs"] for r in document["resources"]] == [r.inputs for r in plan.resources]
    assert document["outputs"] == plan.outputs
    assert document["outputs"]["databaseUrl"] == SECRET


def test_json_lists_explicit_and_implicit_dependencies() -> None:
    document = json.loads(run("plan", "pr-7", "--json").stdout)
    by_name = {r["name"]: r for r in document["resources"]}
    web = by_name["codex-web-script"]["dependencies"]
    assert by_name["codex-migrations"]["urn"] in web  # depends_on
    assert by_name["codex-auth-script"]["urn"] in web  # the AUTH service binding
    assert by_name["codex-db-branch"]["urn"] in web  # DATABASE_URL


def test_overrides_act_like_config_set() -> None:
    result = run(
        "plan",
        "pr-7",
        "--json",
        "--config",
        "compatibilityDate=2026-10-01",
        "--config",
        "codex:headSamplingRate=0.25",
    )
    assert result.exit_code == 0, result.stderr
    scripts = [r for r in json.loads(result.stdout)["resources"] if r["name"].endswith("-script")]
    assert {r["inputs"]["compatibilityDate"] for r in scripts} == {"2026-10-01"}
    assert {r["inputs"]["observability"]["headSamplingRate"] for r in scripts} == {0.25}


@pytest.mark.parametrize("stack", STACKS)
def test_secrets_given_never_appear(stack: str) -> None:
    mode = "live" if stack == "production" else "test"
    key, hook, date = f"sk_{mode}_Given9kQ2", "whsec_Given7xP4", "2026-10-02"
    args = ["--secret", f"stripeSecretKey={key}", "--secret", f"stripeWebhookSecret={hook}"]
    # A plain setting given as a secret stays secret wherever the program uses it.
    args += ["--secret", f"compatibilityDate={date}"]
    tree, document = run("plan", stack, *args), run("plan", stack, "--json", *args)
    assert tree.exit_code == document.exit_code == 0, tree.stderr + document.stderr
    for output in (tree.output, document.output):
        assert key not in output
        assert hook not in output
        assert date not in output
    resources = {r["name"]: r for r in json.loads(document.stdout)["resources"]}
    stripe = {b["name"]: b for b in resources["codex-stripe-webhook-script"]["inputs"]["bindings"]}
    assert stripe["STRIPE_SECRET_KEY"]["text"] == stripe["STRIPE_WEBHOOK_SECRET"]["text"] == SECRET
    assert resources["codex-web-script"]["inputs"]["compatibilityDate"] == SECRET


def test_an_error_about_a_secret_names_the_key_and_the_rule_only() -> None:
    """A plain value is quoted after the rule; one given as a secret is not."""
    result = run("plan", "pr-7", "--secret", "assetsDir=/srv/Hidden5tz")
    assert result.exit_code == 2
    assert "Hidden5tz" not in result.output
    assert result.stderr == (
        "codex-infra: error: codex:assetsDir: must be a path relative to the project\n"
    )
    plain = run("plan", "pr-7", "--config", "assetsDir=/srv/Shown")
    assert plain.stderr.endswith("must be a path relative to the project (got '/srv/Shown')\n")


def test_what_the_engine_logs_is_one_line_withheld_if_it_quotes_a_secret(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("plan", "pr-7", "--secret", "stripeWebhookSecret=whsec_Logged3v").exit_code == 0
    ENGINE_LOG.error("bad whsec_Logged3v here\nTraceback (most recent call last):\n  File x")
    ENGINE_LOG.warning("nothing secret here\nmore")
    ENGINE_LOG.info("not shown")
    assert capsys.readouterr().err == f"error: {WITHHELD}\nwarning: nothing secret here\n"


def test_two_runs_give_identical_bytes() -> None:
    assert run("plan", "pr-7", "--json").stdout_bytes == run("plan", "pr-7", "--json").stdout_bytes
    assert run("plan", "production").stdout_bytes == run("plan", "production").stdout_bytes


def test_the_console_script_in_a_fresh_process_matches_in_process_runs() -> None:
    """Also proves nothing leaks between in-process runs: production is planned first here."""
    assert run("plan", "production", "--json").exit_code == 0
    in_process = run("plan", "pr-1", "--json").stdout_bytes
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    script = shutil.which("codex-infra", path=str(Path(sys.executable).parent))
    assert script is not None
    fresh = subprocess.run(
        [script, "plan", "pr-1", "--json"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        check=False,
    )
    assert (fresh.returncode, fresh.stderr) == (0, b"")
    assert fresh.stdout == in_process


@pytest.mark.parametrize("frozen", [True, False])
def test_the_console_scripts_last_garbage_collection_walks_nothing(frozen: bool) -> None:
    """What a program's run leaves (about a million objects of the SDKs) would cost the
    interpreter's last collection over a second; the command's process skips it. Here a cycle
    whose finalizer says when that collection reaches it."""
    script = (
        "import gc, sys\n"
        "from codex_infra.engine.plan import no_collection_at_exit\n"
        "class Cycle:\n"
        "    def __del__(self): sys.stderr.write('walked')\n"
        "cycle = Cycle(); cycle.me = cycle; del cycle\n"
        "gc.disable()\n"
        f"{'no_collection_at_exit()' if frozen else 'pass'}\n"
    )
    ended = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert ended.stderr == (b"" if frozen else b"walked")


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "dev"], "codex-infra: error: stack name 'dev' is not allowed: use 'production'"),
        (["plan", "pr-01"], "codex-infra: error: stack name 'pr-01' is not allowed"),
        (
            ["plan", "pr-7", "--config", "compatibilityDate"],
            "--config 'compatibilityDate': expected KEY=VALUE",
        ),
        (
            ["plan", "pr-7", "--config", "=x"],
            "--config '=x': expected KEY=VALUE with a non-empty key",
        ),
        (["plan", "pr-7", "--secret", "stripeSecretKey"], "error: --secret: expected KEY=VALUE"),
        (["plan", "pr-7", "--config", "colour=blue"], "codex:colour is not a known setting"),
        (
            ["plan", "pr-7", "--config", "previewTtlHours=9999"],
            "codex:previewTtlHours: Input should be less than or equal to 720",
        ),
        (
            ["plan", "pr-7", "--config", "stripeSecretKey=sk_test_x"],
            "codex:stripeSecretKey must be set as a secret",
        ),
        (
            [
                "plan",
                "pr-7",
                "--config",
                "bundles="
                + json.dumps(
                    {
                        "web": {"dir": "examples/bundles/gone"},
                        "auth": {"dir": "examples/bundles/auth"},
                        "stripeWebhook": {"dir": "examples/bundles/stripe-webhook"},
                    }
                ),
            ],
            "codex:bundles.web.dir: names no directory (got 'examples/bundles/gone')",
        ),
    ],
)
def test_caller_mistakes_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    assert message in one_line_error(run(*args))


def test_a_broken_stack_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project(tmp_path)
    (tmp_path / "Pulumi.staging.yaml").write_text("config: [unclosed\n")
    monkeypatch.chdir(tmp_path / "examples")  # the project is found from a subdirectory too
    error = one_line_error(run("plan", "staging"))
    assert error == "codex-infra: error: Pulumi.staging.yaml: not valid YAML (ParserError)\n"


def test_outside_a_project_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert "no Pulumi.yaml in" in one_line_error(run("plan", "pr-7"))
