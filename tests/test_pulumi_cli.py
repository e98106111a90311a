"""The program under the real Pulumi CLI and real accounts: skips without the accounts, and
without a CLI only where Go cannot build one (tests/engine/tools.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROJECT_DIR
from tests.engine.tools import UnavailableError, pulumi_cli

pytestmark = [
    pytest.mark.cli,
    pytest.mark.live,
    pytest.mark.skipif(
        not (os.environ.get("CLOUDFLARE_API_TOKEN") and os.environ.get("NEON_API_KEY")),
        reason="CLOUDFLARE_API_TOKEN and NEON_API_KEY are needed for a real preview",
    ),
]


@pytest.fixture(scope="module")
def pulumi() -> Path:
    try:
        return pulumi_cli() / "pulumi"
    except UnavailableError as err:
        pytest.skip(str(err))


def _pulumi(pulumi: Path, *args: str, env: dict[str, str], stdin: str | None = None) -> str:
    result = subprocess.run(
        [str(pulumi), *args, "--non-interactive"],
        cwd=PROJECT_DIR,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_real_preview_of_a_pr_stack(pulumi: Path, tmp_path: Path) -> None:
    """A local file backend, so nothing outside the accounts' own APIs is touched."""
    env = {
        **os.environ,
        "PULUMI_BACKEND_URL": f"file://{tmp_path}",
        "PULUMI_CONFIG_PASSPHRASE": "test-only",
    }
    stack = "pr-999999"
    _pulumi(pulumi, "stack", "init", stack, env=env)
    try:
        _pulumi(
            pulumi, "config", "set", "--secret", "stripeSecretKey", env=env, stdin="sk_test_cli"
        )
        _pulumi(
            pulumi, "config", "set", "--secret", "stripeWebhookSecret", env=env, stdin="whsec_cli"
        )
        preview = json.loads(_pulumi(pulumi, "preview", "--json", "--stack", stack, env=env))
        created = {step["urn"].rsplit("::", 1)[-1] for step in preview["steps"]}
        assert {"codex-web-script", "codex-db-branch", "codex-migrations"} <= created
        assert "sk_test_cli" not in json.dumps(preview)
    finally:
        _pulumi(pulumi, "stack", "rm", "--yes", "--force", stack, env=env)
        (PROJECT_DIR / f"Pulumi.{stack}.yaml").unlink(missing_ok=True)
