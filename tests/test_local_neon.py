"""Neon's serverless driver against the local environment (local/neon.py, local/js/neon/).

First what `local up` derives from the program (no process runs). Then real processes, marked
`local`: the real @neondatabase/serverless, drizzle-orm and pg in a Worker bundled by wrangler
(tests/neon_worker/, the auth Worker of a copy of the suite's project: tests/neon_app.py), run by
`codex-infra local` on workerd and PostgreSQL. Every process is stopped by the command under test
(or by the fixtures, by PID); every wait is bounded; everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import psutil
import psycopg
import pytest

from codex_infra.engine.mock import SCRIPT
from codex_infra.local import environment, neon
from codex_infra.local.cli import _neon_lines
from codex_infra.local.cloud import Blueprint
from codex_infra.local.postgres import Cluster, Endpoint
from codex_infra.local.processes import Process
from codex_infra.local.state import StateDir, listening
from codex_infra.local.workers import miniflare_options
from e2e.stripe_signature import header
from tests.conftest import PROJECT_DIR, REPO, local_state
from tests.loopback import LoopbackServer
from tests.neon_app import PeakSessions, backends, concurrently, neon_project
from tests.test_local_blueprint import ENDPOINT, PORTS, _local

CLI = shutil.which("codex-infra", path=str(Path(sys.executable).parent)) or "codex-infra"
TIMEOUT = 120  # seconds for one command; each bounds its own waits well below this
STACK = "pr-31"
DATABASE = "neondb_preview_pr_31"


# What `local up` derives from the program.


def _options_for(scripts: list[Any], blueprint: Blueprint, home: Path) -> dict[str, Any]:
    return miniflare_options(scripts, PORTS, PROJECT_DIR, home, blueprint.hyperdrives)


def test_every_worker_with_the_database_goes_through_the_router_and_no_other(
    tmp_path: Path,
) -> None:
    plan, cloud = _local("pr-7")
    blueprint = Blueprint.of(plan, cloud)
    web = next(s for s in blueprint.scripts if s.inputs["scriptName"] == "codex-web-preview-7")
    without = {
        **web.inputs,
        "bindings": [b for b in web.inputs["bindings"] if b["name"] != "DATABASE_URL"],
    }
    scripts = [
        dataclasses.replace(web, inputs=without) if s is web else s for s in blueprint.scripts
    ]
    served = neon.endpoint(scripts, blueprint.branches, ENDPOINT)
    assert served is not None
    assert served.workers == ("auth-worker-preview-7", "stripe-webhook-handler-preview-7")
    options = neon.with_endpoint(_options_for(scripts, blueprint, tmp_path), served)
    router = options["neon"]["router"]
    assert router["name"] == neon.ROUTER == "codex_local_neon"
    assert router["compatibilityFlags"] == ["connect_pass_through"]  # TCP sockets go on unchanged
    assert router["bindings"] == {"NEON_HOSTS": ["localhost"]}
    assert {w["name"]: w.get("outboundService") for w in options["workers"]} == {
        "auth-worker-preview-7": neon.ROUTER,
        "stripe-webhook-handler-preview-7": neon.ROUTER,
        "codex-web-preview-7": None,
    }
    assert options["neon"]["bridge"] == {
        "server": {"host": "localhost", "port": 54321},
        "hosts": ["localhost"],
        "databases": ["neondb_preview_pr_7"],
        "limits": dataclasses.asdict(neon.LIMITS),
    }
    bare = [{k: v for k, v in w.items() if k != "outboundService"} for w in options["workers"]]
    assert {**options, "workers": bare, "neon": None} == {
        **_options_for(scripts, blueprint, tmp_path),
        "neon": None,
    }


def test_without_a_worker_that_has_the_database_nothing_is_added(tmp_path: Path) -> None:
    plan, cloud = _local("pr-7")
    blueprint = Blueprint.of(plan, cloud)
    assert neon.endpoint(blueprint.scripts, [], ENDPOINT) is None
    options = _options_for(list(blueprint.scripts), blueprint, tmp_path)
    assert neon.with_endpoint(options, None) == options
    assert _neon_lines(None) == "  neon serverless  not served: no Worker has the database"


def test_the_drivers_http_host_has_its_first_label_replaced_by_api() -> None:
    server = Endpoint("ep-cool-name-123.us-east-2.aws.neon.tech", 5432, "pw")
    served = neon.NeonEndpoint(("auth",), server, ("neondb",), neon.LIMITS)
    assert served.http_host == "api.us-east-2.aws.neon.tech"
    assert served.hosts == [
        "api.us-east-2.aws.neon.tech",
        "ep-cool-name-123.us-east-2.aws.neon.tech",
    ]
    description = served.describe()
    assert description["http"] == "https://api.us-east-2.aws.neon.tech/sql"
    assert description["websocket"] == "wss://ep-cool-name-123.us-east-2.aws.neon.tech/v2"


def test_an_ip_address_host_is_not_served_and_status_says_why(tmp_path: Path) -> None:
    plan, cloud = _local("pr-7")
    blueprint = Blueprint.of(plan, cloud)
    server = Endpoint("127.0.0.1", 54321, "local-password")
    served = neon.endpoint(blueprint.scripts, blueprint.branches, server)
    assert served is not None
    options = _options_for(list(blueprint.scripts), blueprint, tmp_path)
    assert neon.with_endpoint(options, served) == options
    line = _neon_lines(served.describe())
    assert line.startswith("  neon serverless  not served to auth-worker-preview-7, ")
    assert "the database host 127.0.0.1 is an IP address" in line
    assert "\n" not in line


# Real processes.


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return neon_project(tmp_path_factory.mktemp("neon") / "project")


@pytest.fixture(scope="module")
def state(project: Path) -> Iterator[Path]:
    with local_state(project) as root:
        yield root


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args], cwd=project, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


@pytest.fixture(scope="module")
def running(project: Path, state: Path) -> Iterator[dict[str, Any]]:
    plan_before = cli(project, "plan", STACK, "--json")
    assert plan_before.returncode == 0, plan_before.stderr
    up = cli(project, "local", "up", STACK)
    assert up.returncode == 0, up.stderr
    status = cli(project, "local", "status", STACK, "--json")
    (record,) = json.loads(status.stdout)
    record["plan_before"] = plan_before.stdout
    try:
        yield record
    finally:
        assert cli(project, "local", "down", STACK).returncode == 0
        assert not [p for p in record["processes"] if Process.from_record(p).alive()]


def get(record: dict[str, Any], path: str, **params: str) -> Any:
    response = httpx.get(f"{record['env']['AUTH_URL']}{path}", params=params, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def sessions(record: dict[str, Any], identifier: str) -> int:
    with psycopg.connect(record["env"]["DATABASE_URL"], connect_timeout=10) as conn:
        row = conn.execute("SELECT count(*) FROM sessions WHERE id = %s", [identifier]).fetchone()
    return int(row[0]) if row else 0


def until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.mark.local
def test_status_says_the_endpoint_is_served_for_the_workers_with_the_database(
    project: Path, running: dict[str, Any]
) -> None:
    assert running["neon"] == {
        "served": True,
        "workers": [
            "auth-worker-preview-31",
            "stripe-webhook-handler-preview-31",
            "codex-web-preview-31",
        ],
        "http": "https://localhost/sql",
        "websocket": "wss://localhost/v2",
        "differences": (
            "local only: no TLS, no pooler (each WebSocket is one PostgreSQL session; HTTP queries "
            "share at most 10 connections, WebSockets at most 20), no per-project limits, no "
            "authToken (JWT) logins"
        ),
    }
    text = cli(project, "local", "status", STACK).stdout
    assert (
        "  neon serverless  https://localhost/sql and wss://localhost/v2 for "
        "auth-worker-preview-31, stripe-webhook-handler-preview-31, codex-web-preview-31\n"
    ) in text
    assert "    (local only: no TLS, no pooler" in text


@pytest.mark.local
def test_neon_http_query_forms(running: dict[str, Any]) -> None:
    assert get(running, "/neon/http") == {
        "tagged": [{"answer": 42, "quote": "it's"}],
        "query": [{"joined": "ab"}],
        "arrayMode": [[1, 2]],
        "composed": [{"five": 5}],
        "fullResults": {
            "command": "SELECT",
            "rowCount": 3,
            "fields": ["n"],
            "rows": [{"n": 1}, {"n": 2}, {"n": 3}],
        },
        "both": {"rowAsArray": True, "rows": [["x", 2]], "fields": [25, 23]},
    }


@pytest.mark.local
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["read committed", "off", "off"]),
        ({"isolation": "ReadUncommitted"}, ["read uncommitted", "off", "off"]),
        ({"isolation": "ReadCommitted", "readOnly": "true"}, ["read committed", "on", "off"]),
        ({"isolation": "RepeatableRead", "readOnly": "false"}, ["repeatable read", "off", "off"]),
        (
            {"isolation": "Serializable", "readOnly": "true", "deferrable": "true"},
            ["serializable", "on", "on"],
        ),
    ],
)
def test_neon_http_transactions_run_at_the_isolation_level_and_mode_asked(
    running: dict[str, Any], options: dict[str, str], expected: list[str]
) -> None:
    answer = get(running, "/neon/transaction", **options)
    assert [answer["isolation"], answer["readOnly"], answer["deferrable"]] == expected


@pytest.mark.local
def test_a_neon_http_transaction_commits_its_writes(running: dict[str, Any]) -> None:
    answer = get(running, "/neon/transaction/write")
    assert (answer["commands"], answer["counted"]) == (["INSERT", "SELECT"], 1)
    assert sessions(running, answer["id"]) == 1


@pytest.mark.local
@pytest.mark.parametrize("pipeline", ["password", "off"])
def test_a_client_over_websockets_with_and_without_pipelined_connect(
    running: dict[str, Any], pipeline: str
) -> None:
    answer = get(running, "/neon/client", pipeline=pipeline)
    assert answer["role"] == "neondb_owner"
    assert (answer["database"], answer["counted"]) == (DATABASE, 1)
    assert sessions(running, answer["id"]) == 1


@pytest.mark.local
def test_a_pool_over_websockets_and_pool_queries_via_fetch(running: dict[str, Any]) -> None:
    answer = get(running, "/neon/pool")
    assert answer["counted"] == 1
    assert sessions(running, answer["id"]) == 1
    via_fetch = get(running, "/neon/pool-via-fetch")
    assert via_fetch == {
        "rows": [{"doubled": 42}],
        "command": "SELECT",
        "fetched": ["https://localhost/sql"],
    }


@pytest.mark.local
def test_drizzle_over_neon_http_and_neon_serverless(running: dict[str, Any]) -> None:
    answer = get(running, "/neon/drizzle")
    identifier = answer["id"]
    assert answer == {
        "id": identifier,
        "viaHttp": f"{identifier}@example.com",
        "viaSocket": f"renamed-{identifier}@example.com",
        "counted": 1,
        "deleted": [{"id": identifier}],
    }


TYPES = {
    "int4": {"type": "number", "value": 42},
    "int8": {"type": "string", "value": "9007199254740993"},  # exact, past 2**53
    "numeric": {"type": "string", "value": "12345678901234567890.123456789"},
    "text": {"type": "string", "value": "naïve \"quoted\" 'text' \\ ✓"},
    "timestamptz": {"type": "string", "value": "2026-12-01 10:20:30.456+00"},
    "date": {"type": "string", "value": "2026-12-02"},
    "json": {"type": "object", "value": {"a": [1, "two", None]}},
    "jsonb": {"type": "object", "value": {"b": True, "n": 1.5}},
    "text_array": {"type": "array", "value": ["a", None, 'b"c', "d,e", "", "NULL"]},
    "int_array": {"type": "array", "value": [1, None, 3]},
    "bool": {"type": "boolean", "value": True},
    "bytea": {"type": "bytes", "value": [0, 1, 254, 255]},
    "uuid": {"type": "string", "value": "b3a7c2de-8d4f-4a51-9d1b-2c0e8f5a6b71"},
    "nothing": {"type": "null", "value": None},
}


@pytest.mark.local
@pytest.mark.parametrize("via", ["http", "socket"])
def test_types_round_trip(running: dict[str, Any], via: str) -> None:
    assert get(running, "/neon/types", via=via) == TYPES


ERRORS = {
    "password": ("28P01", "FATAL", 'password authentication failed for user "neondb_owner"'),
    "table": ("42P01", "ERROR", 'relation "no_such_table" does not exist'),
    "transaction": ("22012", "ERROR", "division by zero"),
}


@pytest.mark.local
@pytest.mark.parametrize("via", ["http", "socket"])
@pytest.mark.parametrize("case", sorted(ERRORS))
def test_errors_carry_postgresqls_fields_and_commit_nothing(
    running: dict[str, Any], case: str, via: str
) -> None:
    answer = get(running, "/neon/error", case=case, via=via)
    code, severity, message = ERRORS[case]
    assert answer["error"] == {
        "name": "NeonDbError" if via == "http" else "error",
        "code": code,
        "severity": severity,
        "message": message,
    }
    if case == "transaction":
        assert answer["committed"] == 0


@pytest.mark.local
def test_a_response_past_neons_size_bound_is_its_507(running: dict[str, Any]) -> None:
    error = get(running, "/neon/error", case="size")["error"]
    assert error["name"] == "NeonDbError"
    assert error["message"].startswith("Server error (HTTP status 507): ")
    body = json.loads(error["message"].split(": ", 1)[1])
    assert body["message"] == "response is too large (max is 10485760 bytes)"
    assert until(
        lambda: (
            not [
                b
                for b in backends(running["env"]["DATABASE_URL"])
                if "repeat" in b[2] and b[1] == "active"
            ]
        ),
        10,
    )


def api(record: dict[str, Any], **request: Any) -> dict[str, Any]:
    """Neon's HTTP API as a curl user calls it, from inside the Worker (tests/neon_worker)."""
    response = httpx.post(f"{record['env']['AUTH_URL']}/neon/api", json=request, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.local
def test_the_http_api_answers_as_neons_proxy_without_the_driver(running: dict[str, Any]) -> None:
    typed = api(
        running,
        body={
            "query": "SELECT $1::int AS i, $2::bool AS b, $3::float8 AS f, 'NaN'::float8 AS nan, "
            "$4::jsonb AS j, $5::int[] AS a, $6::text[] AS t, 9007199254740993::int8 AS big",
            "params": [7, True, 1.5, {"k": [1]}, [1, None, 3], ["x", 'y"z']],
        },
    )
    assert typed["status"] == 200
    assert typed["headers"]["access-control-allow-origin"] == "*"
    assert typed["body"]["rows"] == [
        {"i": 7, "b": True, "f": 1.5, "nan": "NaN", "j": {"k": [1]}, "a": [1, None, 3],
         "t": ["x", 'y"z'], "big": "9007199254740993"}
    ]  # fmt: skip
    assert typed["body"]["rowAsArray"] is False
    batch = api(
        running,
        headers={"Neon-Batch-Isolation-Level": "Serializable", "Neon-Batch-Read-Only": "true"},
        body={
            "queries": [
                {"query": "SELECT 1 AS one"},
                {"query": "SELECT 2 AS two", "arrayMode": True},
            ]
        },
    )
    assert batch["status"] == 200
    assert [r["rows"] for r in batch["body"]["results"]] == [[{"one": 1}], [[2]]]
    assert batch["headers"]["neon-batch-isolation-level"] == "Serializable"
    assert batch["headers"]["neon-batch-read-only"] == "true"
    refused = {
        "isolation": api(
            running, headers={"Neon-Batch-Isolation-Level": "Chaos"}, body={"queries": []}
        ),
        "body": api(running, body={"nothing": 1}),
        "method": api(running, method="GET"),
        "statements": api(running, body={"query": "SELECT 1; SELECT 2"}),
    }
    said = {
        key: (answer["status"], answer["body"] if key == "method" else answer["body"]["message"])
        for key, answer in refused.items()
    }
    unmatched = "data did not match any variant of untagged enum Payload"
    assert said == {
        "isolation": (400, "invalid isolation level"),
        "body": (400, f"could not parse the HTTP request body: {unmatched}"),
        "method": (400, "query is not supported"),
        "statements": (400, "cannot insert multiple commands into a prepared statement"),
    }
    preflight = api(running, method="OPTIONS")
    assert preflight["status"] == 200
    assert preflight["headers"]["allow"] == "OPTIONS, POST"


@pytest.mark.local
def test_other_outbound_requests_leave_as_they_would(running: dict[str, Any]) -> None:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("content-type", "text/plain")])
        return [f"reached {environ['PATH_INFO']}".encode()]

    server = LoopbackServer(app, "outbound target")
    server.start()
    try:
        # Even a /sql path: with a port, or another host, it is not Neon's endpoint.
        answer = get(running, "/outbound", url=server.url("/sql"))
    finally:
        server.stop()
    assert answer == {"status": 200, "body": "reached /sql"}


@pytest.mark.local
def test_postgres_js_and_pg_still_connect_beside_it(running: dict[str, Any]) -> None:
    """The example webhook Worker (postgres.js) and pg, both over cloudflare:sockets to
    `localhost`, which the router passes through."""
    env = running["env"]
    body = json.dumps({"id": "evt_neon_beside", "type": "checkout.session.completed"})
    signature = header(body, int(time.time()), env["STRIPE_WEBHOOK_SECRET"])
    response = httpx.post(
        env["STRIPE_WEBHOOK_URL"], content=body, headers={"stripe-signature": signature}, timeout=30
    )
    assert response.is_success, response.text
    with psycopg.connect(env["DATABASE_URL"], connect_timeout=10) as conn:
        assert conn.execute(
            "SELECT type FROM stripe_events WHERE id = 'evt_neon_beside'"
        ).fetchall() == [("checkout.session.completed",)]
    assert get(running, "/pg") == {"database": DATABASE, "address": "127.0.0.1/32"}


@pytest.mark.local
def test_postgresql_listens_on_loopback_only_and_keeps_scram(
    state: Path, running: dict[str, Any]
) -> None:
    server = psutil.Process(running["postgres"]["pid"])
    listens = {c.laddr for c in server.net_connections("inet") if c.status == psutil.CONN_LISTEN}
    assert listens == {("127.0.0.1", running["postgres"]["port"])}
    data = StateDir(state).postgres / "data"
    rules = [
        line.split()
        for line in (data / "pg_hba.conf").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert {rule[-1] for rule in rules} == {"scram-sha-256"}
    with Cluster(StateDir(state).postgres).connect() as conn:
        stored = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'neondb_owner'"
        ).fetchone()
    assert stored is not None
    assert str(stored[0]).startswith("SCRAM-SHA-256$")


@pytest.mark.local
def test_100_concurrent_requests_all_succeed_and_leave_no_backend(running: dict[str, Any]) -> None:
    database = running["env"]["DATABASE_URL"]
    kinds = (["http", "transaction", "pool"] * 34)[:100]
    with PeakSessions(database) as peak:
        results = concurrently(running["env"]["AUTH_URL"], kinds)
    assert [r for r in results if r[1] != 200] == []
    limits = neon.LIMITS
    assert 0 < peak.most <= limits.http_connections + limits.sockets
    assert until(lambda: backends(database) == [], limits.idle_ms / 1000 + 10), backends(database)


@pytest.mark.local
def test_the_plan_is_byte_identical_with_the_endpoint_running(
    project: Path, running: dict[str, Any]
) -> None:
    after = cli(project, "plan", STACK, "--json")
    assert after.returncode == 0, after.stderr
    assert after.stdout == running["plan_before"]
    for trace in (neon.ROUTER, "outboundService", "localhost", "connect_pass_through"):
        assert trace not in after.stdout


@pytest.mark.local
def test_the_end_to_end_contract_passes_with_the_app_on_the_driver(
    project: Path, state: Path
) -> None:
    """`codex-infra local run` with the platform's contract, as CI runs it for every PR: the auth
    Worker (reached through the web Worker's service binding) is on the driver."""
    suite = [sys.executable, "-m", "pytest", str(REPO / "e2e" / "contract"), "-q",
             "-n0", "-p", "no:cacheprovider", "-rs"]  # fmt: skip
    result = subprocess.run(
        [CLI, "local", "run", "pr-33", "--", *suite],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env=os.environ | {"EXPECTED_ENVIRONMENT": "preview"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout
    assert "skipped" not in result.stdout
    assert environment.status(project, "pr-33") == []


@pytest.fixture
def bounded(project: Path, state: Path, request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """An environment with small bounds (`request.param`, neon.Limits' arguments): `local up` with
    neon.LIMITS replaced, in a process of its own (which leaves the runtime running, as the
    command does)."""
    up = (
        "import sys; from pathlib import Path; from codex_infra.local import environment, neon; "
        f"neon.LIMITS = neon.Limits({request.param}); "
        "environment.up(Path(sys.argv[1]), 'pr-32', {}, {})"
    )
    started = subprocess.run(
        [sys.executable, "-c", up, str(project)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert started.returncode == 0, started.stderr
    (record,) = environment.status(project, "pr-32")
    try:
        yield record
    finally:
        assert cli(project, "local", "down", "pr-32").returncode == 0
        assert not [p for p in record["processes"] if Process.from_record(p).alive()]
        assert not [w for w in record["workers"] if listening(w["port"])]


@pytest.mark.local
@pytest.mark.parametrize(
    "bounded",
    ["http_connections=2, sockets=2, wait_ms=20_000, query_ms=1_000, session_idle_ms=2_000"],
    indirect=True,
)
def test_bounds_hold_and_answer_as_neon_does(bounded: dict[str, Any]) -> None:
    """Past the time bound a query is cancelled in PostgreSQL and answered as Neon answers a
    cancelled one; more requests than connections wait for one, none fails; a session its
    Worker abandoned ends once idle."""
    database = bounded["env"]["DATABASE_URL"]
    start = time.monotonic()
    error = get(bounded, "/neon/error", case="slow", seconds="30")["error"]
    assert time.monotonic() - start < 10
    assert error == {
        "name": "NeonDbError",
        "code": "08P01",
        "severity": None,
        "message": "Query cancelled, connection was terminated",
    }
    assert until(lambda: not [b for b in backends(database) if "pg_sleep" in b[2]], 5)

    with PeakSessions(database) as peak:
        results = concurrently(bounded["env"]["AUTH_URL"], ["http", "transaction", "pool"] * 10)
    assert [r for r in results if r[1] != 200] == []
    assert 0 < peak.most <= 4  # 2 for HTTP queries, 2 WebSocket sessions

    abandoned = get(bounded, "/neon/abandoned")["pid"]
    assert until(lambda: abandoned not in [b[0] for b in backends(database)], 10)


@pytest.mark.local
def test_the_worker_bundle_is_wranglers_and_has_the_drivers(
    project: Path, running: dict[str, Any]
) -> None:
    """The Worker under test is what wrangler bundles: the real packages, pinned in its lockfile."""
    lock = json.loads((Path(__file__).parent / "neon_worker" / "package-lock.json").read_text())
    pinned = {
        name.removeprefix("node_modules/"): p["version"]
        for name, p in lock["packages"].items()
        if name
    }
    assert pinned["@neondatabase/serverless"] == "1.2.0"
    assert pinned["drizzle-orm"] == "0.45.4"
    bundle = (project / "examples" / "bundles" / "neon-auth" / "index.js").read_text()
    assert "pkg:npm/%40neondatabase/serverless@1.2.0" in bundle
    plan = json.loads(running["plan_before"])
    (auth,) = [
        r for r in plan["resources"]
        if r["type"] == SCRIPT and r["inputs"]["scriptName"] == "auth-worker-preview-31"
    ]  # fmt: skip
    assert auth["inputs"]["contentFile"] == "examples/bundles/neon-auth/index.js"


@pytest.mark.local
@pytest.mark.parametrize(
    "bounded", ["http_connections=1, sockets=1, wait_ms=500, session_idle_ms=5_000"], indirect=True
)
def test_a_request_that_finds_every_connection_busy_is_refused_after_the_wait(
    bounded: dict[str, Any],
) -> None:
    """One WebSocket session, held by a Client its Worker abandoned; one HTTP connection, held by
    a slow query: the next of each waits 0.5 s, then gets PostgreSQL's "too many clients"."""
    get(bounded, "/neon/abandoned")
    over_socket = get(bounded, "/neon/error", case="query", via="socket")["error"]
    assert (over_socket["code"], over_socket["message"]) == (
        "53300",
        "sorry, too many clients already",
    )
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(get, bounded, "/neon/error", case="slow", seconds="3")
        time.sleep(1)
        over_http = get(bounded, "/neon/error", case="query")["error"]
        assert slow.result()["error"] is None
    assert (over_http["code"], over_http["message"]) == ("53300", "sorry, too many clients already")
