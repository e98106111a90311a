"""`codex-infra local` on real components: workerd through miniflare, a real PostgreSQL.

Every process is started by the command under test and stopped by it (or, if a test fails, by
the fixtures, by PID); every wait is bounded; everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import grp
import hashlib
import hmac
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psutil
import psycopg
import pytest

from codex_infra.local import environment, workers
from codex_infra.local.postgres import Cluster
from codex_infra.local.state import STATE_ENV, LocalError, StateDir, listening
from components.environment import only_its_environment
from e2e.stripe_signature import header
from tests.conftest import PROJECT_DIR, REPO, local_state
from tests.local_cli import (
    CLI,
    alive,
    cli,
    nothing_left,
    pids,
    ports,
    rows,
    status,
    stripe_takes,
)

pytestmark = pytest.mark.local
TEMPLATE = "neondb_main_template"


@pytest.fixture(scope="module", autouse=True)
def state() -> Iterator[Path]:
    workers.ensure_installed()
    with local_state(PROJECT_DIR) as root:
        yield root


def postgres_stopped(root: Path) -> bool:
    pidfile = root / "postgres" / "data" / "postmaster.pid"
    return not pidfile.exists()


@contextmanager
def running(stack: str, *args: str) -> Generator[dict[str, Any]]:
    result = cli("up", stack, *args)
    assert result.returncode == 0, result.stderr
    record = status(stack)
    try:
        yield record
    finally:
        assert cli("down", stack).returncode == 0
        nothing_left(record)


def template_url(record: dict[str, Any]) -> str:
    return record["env"]["DATABASE_URL"].rsplit("/", 1)[0] + f"/{TEMPLATE}"


@pytest.fixture(scope="module")
def pr1(state: Path) -> Iterator[dict[str, Any]]:
    with running("pr-1") as record:
        yield record


def test_up_prints_the_urls_the_database_and_how_to_stop(pr1: dict[str, Any]) -> None:
    again = cli("up", "pr-1")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("pr-1 is already running locally.")
    for key in ("WEB_URL", "AUTH_URL", "STRIPE_WEBHOOK_URL", "DATABASE_URL"):
        assert f"{key}  " in again.stdout or f"{key} " in again.stdout
        assert pr1["env"][key] in again.stdout
    assert "codex-infra local down pr-1" in again.stdout
    port = pr1["postgres"]["port"]
    # A host Neon's serverless driver accepts (docs/local-neon-driver.md); the server itself
    # listens on 127.0.0.1 only.
    assert pr1["env"]["DATABASE_URL"].endswith(f"@localhost:{port}/neondb_preview_pr_1")


def test_status_lists_processes_ports_and_local_secrets(pr1: dict[str, Any]) -> None:
    assert pr1["state"] == "running"
    assert pr1["problems"] == []
    assert len(pids(pr1)) == 2  # node and workerd
    assert all(alive(pid) for pid in pids(pr1))
    assert sorted(w["script"] for w in pr1["workers"]) == [
        "auth-worker-preview-1",
        "codex-web-preview-1",
        "stripe-webhook-handler-preview-1",
    ]
    assert pr1["env"]["STRIPE_WEBHOOK_SECRET"].startswith("whsec_local")
    assert pr1["env"]["STRIPE_SECRET_KEY"].startswith("sk_test_local")
    assert len(pr1["passwords"]["codex-session-secret"]) == 64
    assert "Local values" in pr1["note"]
    listing = cli("status")
    assert listing.stdout.startswith("pr-1: running")


def test_the_contract_and_the_example_apps_tests_pass_against_a_local_preview(
    state: Path,
) -> None:
    """The end-to-end suite as CI runs it for every PR (`e2e/contract`, what any app must do),
    and the example app's own tests, against a local replica: every case passes, none skips."""
    env = os.environ | {"EXPECTED_ENVIRONMENT": "preview"}
    suite = [sys.executable, "-m", "pytest", "-n0", "-p", "no:cacheprovider", "-v"]
    folders = [str(REPO / "e2e" / "contract"), str(REPO / "e2e" / "example")]
    result = cli("run", "pr-15", "--", *suite, *folders, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    outcomes = {
        case.rsplit("/", 1)[-1]: outcome
        for case, outcome in re.findall(r"^(\S+\.py::.+?) ([A-Z]+)\b", result.stdout, re.M)
    }
    assert set(outcomes.values()) == {"PASSED"}, outcomes
    webhook = "test_stripe_webhook.py::test_the_webhook"
    assert {
        "test_workers.py::test_every_worker_is_healthy_in_its_environment",
        "test_workers.py::test_static_assets_are_served",
        "test_workers.py::test_the_headers_file_itself_is_not_served",
        "test_workers.py::test_the_web_worker_reaches_the_auth_worker_through_its_binding",
        f"{webhook}_takes_a_signed_event_with_any_2xx[secret roll, the matching v1 first]",
        f"{webhook}_takes_a_signed_event_with_any_2xx[secret roll, the matching v1 last]",
        f"{webhook}_refuses_what_stripe_did_not_sign_with_a_4xx[tampered body]",
        f"{webhook}_refuses_what_stripe_did_not_sign_with_a_4xx[stale timestamp]",
        f"{webhook}_refuses_what_stripe_did_not_sign_with_a_4xx[unsigned]",
        "test_example_app.py::test_the_home_page_is_prerendered_and_served_as_a_static_asset",
        "test_example_app.py::test_a_session_through_the_web_worker_sets_a_secure_cookie",
        "test_example_app.py::test_a_server_route_reads_the_stacks_database",
    } <= set(outcomes)
    assert len(outcomes) == 22


def test_a_session_goes_through_the_service_binding_into_the_stacks_database(
    pr1: dict[str, Any],
) -> None:
    response = httpx.post(f"{pr1['env']['WEB_URL']}/auth/session", timeout=10)
    assert response.status_code == 204
    session = response.cookies["session"]
    identifier, signature = session.split(".", 1)
    secret = pr1["passwords"]["codex-session-secret"]
    expected = hmac.new(secret.encode(), identifier.encode(), hashlib.sha256).digest()
    import base64

    assert base64.b64decode(signature) == expected
    assert [str(r[0]) for r in rows(pr1["env"]["DATABASE_URL"], "sessions")].count(identifier) == 1
    assert rows(template_url(pr1), "sessions") == []


def test_a_signed_stripe_event_is_recorded_once_in_the_stacks_database(
    pr1: dict[str, Any],
) -> None:
    """Stripe retries a delivery, here across a secret roll (the stack's secret first, then
    last); a tampered or stale delivery is refused and leaves no row."""
    url, secret = pr1["env"]["STRIPE_WEBHOOK_URL"], pr1["env"]["STRIPE_WEBHOOK_SECRET"]
    rolled = "whsec_the_endpoints_next_secret"
    body = json.dumps({"id": "evt_local_1", "type": "checkout.session.completed"})
    now = int(time.time())
    for signature in (header(body, now, secret, rolled), header(body, now, rolled, secret)):
        answer = httpx.post(url, content=body, headers={"stripe-signature": signature}, timeout=10)
        assert answer.status_code == 200, answer.text
    other = json.dumps({"id": "evt_local_2", "type": "checkout.session.completed"})
    for sent, signature in (
        (other.replace("checkout", "invoice"), header(other, now, secret)),
        (other, header(other, now - 301, secret)),
    ):
        answer = httpx.post(url, content=sent, headers={"stripe-signature": signature}, timeout=10)
        assert answer.status_code == 400, answer.text
    events = rows(pr1["env"]["DATABASE_URL"], "stripe_events")
    assert [(e[0], e[1]) for e in events] == [("evt_local_1", "checkout.session.completed")]
    assert rows(template_url(pr1), "stripe_events") == []


def test_without_hyperdrive_the_workers_reach_the_database_through_database_url(
    pr1: dict[str, Any],
) -> None:
    for worker in ("AUTH_URL", "WEB_URL"):  # the auth Worker, the SvelteKit app's route
        answer = httpx.get(f"{pr1['env'][worker]}/healthz/db", timeout=10).json()
        assert answer == {"ok": True, "database": "neondb_preview_pr_1", "via": "DATABASE_URL"}


def test_with_hyperdrive_the_workers_reach_the_stacks_database_through_it(state: Path) -> None:
    """miniflare's Hyperdrive, given the config's origin (the stack's own database): a query
    and a write of the auth Worker go through env.HYPERDRIVE.connectionString."""
    with running("pr-16", "--config", "hyperdrive=true") as pr16:
        url = pr16["env"]["DATABASE_URL"]
        miniflare = json.loads((StateDir(state).stack("pr-16") / "miniflare.json").read_text())
        assert [w["hyperdrives"] for w in miniflare["workers"]] == [{"HYPERDRIVE": url}] * 3
        for worker in ("AUTH_URL", "WEB_URL"):  # the auth Worker, the SvelteKit app's route
            answer = httpx.get(f"{pr16['env'][worker]}/healthz/db", timeout=10).json()
            assert answer == {"ok": True, "database": "neondb_preview_pr_16", "via": "HYPERDRIVE"}
        response = httpx.post(f"{pr16['env']['WEB_URL']}/auth/session", timeout=10)
        assert response.status_code == 204
        identifier = response.cookies["session"].split(".", 1)[0]
        assert [str(r[0]) for r in rows(url, "sessions")] == [identifier]


def test_two_stacks_run_at_once_without_sharing_anything(pr1: dict[str, Any]) -> None:
    with running("pr-2") as pr2:
        assert set(ports(pr1)).isdisjoint(ports(pr2))
        assert set(pids(pr1)).isdisjoint(pids(pr2))
        assert pr2["env"]["DATABASE_URL"].endswith("/neondb_preview_pr_2")
        assert pr2["env"]["STRIPE_WEBHOOK_SECRET"] != pr1["env"]["STRIPE_WEBHOOK_SECRET"]
        before = rows(pr1["env"]["DATABASE_URL"], "sessions")
        assert httpx.post(f"{pr2['env']['WEB_URL']}/auth/session", timeout=10).status_code == 204
        assert len(rows(pr2["env"]["DATABASE_URL"], "sessions")) == 1
        assert rows(pr1["env"]["DATABASE_URL"], "sessions") == before
    assert status("pr-1")["state"] == "running"  # pr-2's down left pr-1 and its database alone
    assert httpx.get(f"{pr1['env']['AUTH_URL']}/healthz", timeout=10).status_code == 200


def test_a_crashed_worker_process_shows_in_status(pr1: dict[str, Any]) -> None:
    with running("pr-3") as pr3:
        workerd = pids(pr3)[1]
        os.kill(workerd, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while alive(workerd) and time.monotonic() < deadline:
            time.sleep(0.05)
        record = status("pr-3")
        assert record["state"] == "crashed"
        assert f"process {workerd} has exited" in record["problems"]
        assert cli("status").stdout.count("pr-3: crashed") == 1


def _crash(record: dict[str, Any]) -> None:
    """As the machine might: workerd killed under a running stack."""
    workerd = pids(record)[1]
    os.kill(workerd, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while alive(workerd) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert status(record["stack"])["state"] == "crashed"


def test_a_restart_after_a_crash_keeps_what_the_user_gave(state: Path) -> None:
    """The secret given in the environment (and the config given with --config) before the
    crash, not a generated local one, on the restart that gives neither."""
    given = os.environ | {"STRIPE_WEBHOOK_SECRET": "whsec_giventhen"}
    assert cli("up", "pr-18", "--config", "hyperdrive=true", env=given).returncode == 0
    try:
        _crash(status("pr-18"))
        again = cli("up", "pr-18")
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith("pr-18 is running locally.\n")
        assert (
            "(restarted with what it was given before it stopped: hyperdrive, "
            "stripeWebhookSecret)" in again.stdout
        )
        assert "whsec_giventhen" not in again.stdout + cli("status", "pr-18", "--json").stdout
        record = status("pr-18")
        assert record["state"] == "running"
        assert record["env"]["STRIPE_WEBHOOK_SECRET"] == "[given]"
        assert stripe_takes(record, "whsec_giventhen")
        assert not stripe_takes(record, "whsec_local")
        auth = httpx.get(f"{record['env']['AUTH_URL']}/healthz/db", timeout=10).json()
        assert auth["via"] == "HYPERDRIVE"
    finally:
        assert cli("down", "pr-18").returncode == 0


def test_a_restart_that_cannot_keep_what_the_user_gave_refuses_and_says_why(
    state: Path,
) -> None:
    """A record from before secrets were kept: the restart refuses, changes nothing, and works
    once the secret is given again."""
    given = os.environ | {"STRIPE_WEBHOOK_SECRET": "whsec_giventhen"}
    assert cli("up", "pr-19", env=given).returncode == 0
    try:
        run_json = StateDir(state).stack("pr-19") / "run.json"
        older = json.loads(run_json.read_text())
        del older["overrides"]
        run_json.write_text(json.dumps(older))
        record = status("pr-19")
        _crash(record)
        refused = cli("up", "pr-19")
        assert refused.returncode == 1
        assert refused.stderr == (
            "codex-infra: error: pr-19 stopped running with secrets you gave "
            "(STRIPE_WEBHOOK_SECRET) that its record does not keep: give them again, or "
            "`codex-infra local down pr-19` first to start it with local values\n"
        )
        assert status("pr-19")["state"] == "crashed"
        assert alive(pids(record)[0])  # left as it was
        assert cli("up", "pr-19", env=given).returncode == 0
        assert stripe_takes(status("pr-19"), "whsec_giventhen")
    finally:
        assert cli("down", "pr-19").returncode == 0


def test_postgresql_runs_as_an_account_of_its_own(pr1: dict[str, Any]) -> None:
    """Under root, not as `nobody` (which other daemons share): an account made for it, which
    alone (root aside) can read the data and the log."""
    server = psutil.Process(pr1["postgres"]["pid"])
    home = Path(pr1["postgres"]["data"]).parent
    if os.geteuid() != 0:
        assert server.uids().effective == os.geteuid()
        return
    account = pwd.getpwnam("codex-postgres")
    assert pr1["postgres"]["account"] == "codex-postgres"
    assert account.pw_uid != pwd.getpwnam("nobody").pw_uid
    assert account.pw_uid < 1000  # a system account
    assert account.pw_shell in {"/usr/sbin/nologin", "/bin/false"}
    assert not grp.getgrgid(account.pw_gid).gr_mem
    assert server.uids() == (account.pw_uid,) * 3
    assert server.gids() == (account.pw_gid,) * 3
    for path in (home, home / "data"):
        assert (path.stat().st_uid, stat.S_IMODE(path.stat().st_mode)) == (account.pw_uid, 0o700)
    assert stat.S_IMODE((home / "postgres.log").stat().st_mode) & 0o077 == 0


def test_down_of_a_stack_that_is_not_running_succeeds_and_says_so() -> None:
    result = cli("down", "pr-99")
    assert (result.returncode, result.stdout) == (0, "pr-99 was not running.\n")


@pytest.mark.parametrize(
    "command", [["up"], ["down", "--purge"], ["status"], ["run", "--", "true"]]
)
@pytest.mark.parametrize("name", ["..", "", "pr-1/../..", "/tmp", "pr-01"])
def test_a_name_that_is_no_stack_is_a_usage_mistake_and_never_a_path(
    state: Path, name: str, command: list[str]
) -> None:
    before = StateDir(state).stacks()
    result = cli(command[0], name, *command[1:])
    assert result.returncode == 2
    assert result.stderr == (
        f"codex-infra: error: stack name {name!r} is not allowed: use 'production', 'staging' or "
        "'pr-<N>' (N a positive integer, no leading zero)\n"
    )
    assert StateDir(state).stacks() == before
    assert {p.name for p in state.iterdir()} <= {"lock", "postgres", "stacks"}


def test_an_over_long_stack_name_is_a_usage_mistake(state: Path) -> None:
    """A PR number so long that its Worker names exceed Cloudflare's limit (and its state path
    the file system's): refused as the program would refuse it, with no advice about files."""
    name = "pr-" + "1" * 293
    for command in (["up"], ["down"], ["status"]):
        result = cli(command[0], name)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(
            "codex-infra: error: Worker script name 'codex-web-preview-1"
        )
        assert result.stderr.endswith("characters; Cloudflare allows 63\n")
        assert result.stderr.count("\n") == 1
        assert "run.json" not in result.stderr


def test_run_passes_on_the_commands_exit_code_and_tears_down(state: Path) -> None:
    """A secret given in the environment reaches the command (and the Worker), never the log."""
    script = (
        "import os, sys, urllib.request;"
        "assert os.environ['STRIPE_WEBHOOK_SECRET'] == 'whsec_fromthecaller';"
        "names = ['WEB_URL', 'AUTH_URL', 'STRIPE_WEBHOOK_URL', 'DATABASE_URL',"
        "         'STRIPE_WEBHOOK_SECRET'];"
        "assert all(os.environ[n] for n in names);"
        "urllib.request.urlopen(os.environ['WEB_URL'] + '/healthz', timeout=10);"
        "sys.exit(7)"
    )
    env = os.environ | {"STRIPE_WEBHOOK_SECRET": "whsec_fromthecaller"}
    result = cli("run", "pr-4", "--", sys.executable, "-c", script, env=env)
    assert result.returncode == 7, result.stderr
    assert "pr-4 is running locally." in result.stderr
    assert "STRIPE_WEBHOOK_SECRET  [given]" in result.stderr
    assert "whsec_fromthecaller" not in result.stderr + result.stdout
    assert environment.status(PROJECT_DIR, "pr-4") == []
    record = json.loads((StateDir(state).stack("pr-4") / "miniflare.json").read_text())
    assert not [w for w in record["workers"] if listening(w["unsafeDirectSockets"][0]["port"])]


@pytest.mark.parametrize(
    ("signum", "code", "stack"), [(signal.SIGINT, 130, "pr-14"), (signal.SIGTERM, 143, "pr-24")]
)
def test_run_takes_the_stack_down_when_interrupted_or_terminated(
    tmp_path: Path, signum: int, code: int, stack: str
) -> None:
    """Ctrl-C, or SIGTERM to `local run` alone (what `timeout`, `docker stop` and a cancelled CI
    job send): the command gets the signal, the stack goes down, the exit code is 128 + it."""
    got = tmp_path / "got"
    waiting = (
        "import signal, sys, time\n"
        "def stop(signum, _):\n"
        f"    open({str(got)!r}, 'w').write(str(signum)); sys.exit(3)\n"
        "signal.signal(signal.SIGINT, stop); signal.signal(signal.SIGTERM, stop)\n"
        "print('ready', flush=True); time.sleep(60)\n"
    )
    with subprocess.Popen(
        [CLI, "local", "run", stack, "--", sys.executable, "-c", waiting],
        cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"  # bounded: the command sleeps 60 s at most
        record = status(stack)
        process.send_signal(signum)
        process.communicate(timeout=60)
    assert process.returncode == code
    assert got.read_text() == str(int(signum))
    assert environment.status(PROJECT_DIR, stack) == []
    nothing_left(record)


def test_after_the_last_down_nothing_is_left(state: Path) -> None:
    with running("pr-5") as pr5:
        postgres = pr5["postgres"]["pid"]
        assert alive(postgres)
    assert cli("status", "pr-5").stdout == "pr-5 is not running locally.\n"
    if not environment.status(PROJECT_DIR):  # pr-1 (module fixture) may still run
        assert not alive(postgres)
        assert postgres_stopped(state)


def test_status_with_nothing_running_says_so(tmp_path: Path) -> None:
    result = cli("status", env=os.environ | {STATE_ENV: str(tmp_path)})
    assert (result.returncode, result.stdout) == (0, "No stack is running locally.\n")


def test_down_purge_drops_the_database(state: Path) -> None:
    with running("pr-6") as pr6:
        url = pr6["env"]["DATABASE_URL"]
    assert cli("down", "pr-6", "--purge").stdout == (
        "pr-6 was not running; its database and local secrets are gone.\n"
    )
    with pytest.raises(psycopg.OperationalError, match="neondb_preview_pr_6"):
        rows(url, "sessions")


def test_an_existing_server_named_by_local_database_url(pr1: dict[str, Any], state: Path) -> None:
    """The running cluster stands in for a team's own server, with a user that may create
    databases. Another checkout's state uses it, and never starts or stops it."""
    cluster = Cluster(StateDir(state).postgres)
    with cluster.connect() as conn:
        conn.execute("DROP ROLE IF EXISTS outside")
        conn.execute("CREATE ROLE outside LOGIN CREATEDB PASSWORD 'outside-pw'")
    port = cluster.endpoint.port
    other = Path(tempfile.mkdtemp(prefix="codex-local-other-"))
    env = os.environ | {
        STATE_ENV: str(other),
        "LOCAL_DATABASE_URL": f"postgresql://outside:outside-pw@127.0.0.1:{port}/postgres",
    }
    try:
        # Another database name: this server also holds the cluster's own branches.
        up = cli("up", "pr-13", "--config", "databaseName=outsidedb", env=env)
        assert up.returncode == 0, up.stderr
        (record,) = json.loads(cli("status", "pr-13", "--json", env=env).stdout)
        assert record["env"]["DATABASE_URL"] == (
            f"postgresql://outside:outside-pw@127.0.0.1:{port}/outsidedb_preview_pr_13"
        )
        assert record["postgres"]["pid"] is None  # not ours
        response = httpx.post(f"{record['env']['WEB_URL']}/auth/session", timeout=10)
        assert response.status_code == 204
        assert len(rows(record["env"]["DATABASE_URL"], "sessions")) == 1
        assert cli("down", "pr-13", "--purge", env=env).returncode == 0
        nothing_left(record)
    finally:
        cli("down", "pr-13", env=env)
        shutil.rmtree(other, ignore_errors=True)
    assert not (other / "postgres" / "data").exists()
    assert httpx.get(f"{pr1['env']['AUTH_URL']}/healthz", timeout=10).status_code == 200
    with pytest.raises(psycopg.OperationalError, match="outsidedb_preview_pr_13"):
        rows(record["env"]["DATABASE_URL"], "sessions")


# Faults: each is one line on stderr, and leaves nothing of its own running.


def _one_line_and_nothing_running(result: subprocess.CompletedProcess[str], stack: str) -> str:
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert environment.status(PROJECT_DIR, stack) == []
    return lines[0]


def test_a_port_in_use_stops_up(pr1: dict[str, Any]) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        line = _one_line_and_nothing_running(cli("up", "pr-7", "--port", str(port)), "pr-7")
    assert line.startswith(f"codex-infra: error: port {port} on 127.0.0.1 (for ")


def test_a_compatibility_date_the_runtime_does_not_support(state: Path) -> None:
    result = cli("up", "pr-8", "--config", "compatibilityDate=2026-11-30")
    line = _one_line_and_nothing_running(result, "pr-8")
    assert line == (
        "codex-infra: error: the Workers runtime refused the environment: This Worker requires "
        'compatibility date "2026-11-30", but the newest date supported by this server binary is '
        '"2026-11-24".'
    )
    miniflare = StateDir(state).stack("pr-8") / "miniflare.json"
    assert not [
        w
        for w in json.loads(miniflare.read_text())["workers"]
        if listening(w["unsafeDirectSockets"][0]["port"])
    ]


def test_a_failing_migration_shows_the_end_of_its_stderr(pr1: dict[str, Any]) -> None:
    """On the stack's clone (pr-1 made the template): its one line ends with the stderr's end."""
    failing = "sh -c 'echo first >&2; echo ERROR: relation missing >&2; exit 3'"
    line = _one_line_and_nothing_running(
        cli("up", "pr-9", "--config", f"migrationCommand={failing}"), "pr-9"
    )
    assert line == (
        f"codex-infra: error: codex-migrations: `{only_its_environment(failing)}` failed with "
        "exit code 3 on neondb_preview_pr_9: first | ERROR: relation missing"
    )


def _runtime_of(process: subprocess.Popen[str]) -> psutil.Process | None:
    for child in psutil.Process(process.pid).children():
        with contextlib.suppress(psutil.NoSuchProcess):  # a child that ended meanwhile (a zombie)
            if str(workers.JS_DIR / "serve.mjs") in child.cmdline():
                return child
    return None


@pytest.mark.parametrize(
    ("signum", "code", "said", "stack"),
    [
        (signal.SIGINT, 130, "interrupted", "pr-10"),
        (signal.SIGTERM, 143, "terminated", "pr-25"),
    ],
)
def test_ctrl_c_or_sigterm_during_up_leaves_nothing_running(
    state: Path, signum: int, code: int, said: str, stack: str
) -> None:
    with subprocess.Popen(
        [CLI, "local", "up", stack], cwd=PROJECT_DIR, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        deadline = time.monotonic() + 60
        node = None
        while node is None and time.monotonic() < deadline and process.poll() is None:
            node = _runtime_of(process)
            time.sleep(0.02)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    assert node is not None, "up never started the runtime"
    assert process.returncode == code
    assert stderr.strip() == (
        f"codex-infra: error: {said}: {stack} was not started, nothing is left running"
    )
    assert not alive(node.pid)
    assert environment.status(PROJECT_DIR, stack) == []


def test_a_missing_runtime_is_named(tmp_path: Path) -> None:
    js = tmp_path / "js"
    js.mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(workers.JS_DIR / name, js / name)
    os.environ["NPM_CONFIG_REGISTRY"] = "http://127.0.0.1:9/"
    os.environ["NPM_CONFIG_CACHE"] = str(tmp_path / "empty-cache")
    os.environ["NPM_CONFIG_FETCH_RETRIES"] = "0"
    try:
        with pytest.raises(LocalError) as err:
            workers.ensure_installed(js)
    finally:
        for key in ("NPM_CONFIG_REGISTRY", "NPM_CONFIG_CACHE", "NPM_CONFIG_FETCH_RETRIES"):
            del os.environ[key]
    assert str(err.value).startswith(
        f"the Workers runtime is missing and `npm ci` in {js} failed: "
    )
    assert "\n" not in str(err.value)
