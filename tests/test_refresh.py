"""`codex-infra refresh` between two databases of a real local PostgreSQL (the local
environment's): full, schema-only and masked copies, the source untouched, and every refusal."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, LiteralString

import psycopg
import pytest
from click.testing import CliRunner, Result
from psycopg import sql

from codex_infra.cli import main
from codex_infra.errors import WITHHELD
from codex_infra.local.postgres import BIN_ENV, Cluster, client_bin, scratch_cluster
from codex_infra.operations.refresh import MASK_KEY_ENV

pytestmark = pytest.mark.local
PASSWORD = "refresh-test-password"  # never in any output


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with scratch_cluster() as server:
        with server.connect() as conn:
            conn.execute(sql.SQL("CREATE ROLE app LOGIN CREATEDB PASSWORD {}").format(PASSWORD))
        yield server


def _url(cluster: Cluster, database: str) -> str:
    return f"postgresql://app:{PASSWORD}@127.0.0.1:{cluster.endpoint.port}/{database}"


SOURCE: LiteralString = """
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, name text, phone text);
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users, total int NOT NULL);
INSERT INTO users SELECT i, 'person' || i || '@example.com', 'Name ' || i, '+4470000' || i
  FROM generate_series(1, 50) i;
INSERT INTO orders SELECT i, 1 + i % 50, i * 100 FROM generate_series(1, 120) i;
CREATE SCHEMA billing;
CREATE TABLE billing.cards (id int PRIMARY KEY, holder text);
INSERT INTO billing.cards VALUES (1, 'A. Holder');
"""


@pytest.fixture
def databases(cluster: Cluster) -> tuple[str, str]:
    """A fresh source (with data) and a target (with something of its own to be replaced)."""
    with cluster.connect() as conn:
        for name in ("src", "dst"):
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER app").format(sql.Identifier(name)))
    with psycopg.connect(_url(cluster, "src"), autocommit=True) as conn:
        conn.execute(SOURCE)
    with psycopg.connect(_url(cluster, "dst"), autocommit=True) as conn:
        conn.execute("CREATE TABLE leftover (x int); CREATE SCHEMA stale")
    return _url(cluster, "src"), _url(cluster, "dst")


def refresh(source: str, target: str, *args: str, key: str = "test-key") -> Result:
    env = {MASK_KEY_ENV: key}
    result = CliRunner().invoke(main, ["refresh", "--from", source, "--to", target, *args], env=env)
    assert PASSWORD not in result.output
    assert source not in result.output
    return result


def rows(url: str, query: LiteralString) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


def dump(url: str) -> bytes:
    """The source as plain SQL, the same bytes for the same database."""
    return subprocess.run(
        [str(client_bin() / "pg_dump"), "--restrict-key=test", "--dbname", url],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout


def test_a_full_copy_replaces_the_target_and_leaves_the_source_alone(
    databases: tuple[str, str],
) -> None:
    source, target = databases
    before = dump(source)
    result = refresh(source, target, "--yes")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Copied src on 127.0.0.1 over dst on 127.0.0.1 (schema and rows):",
        "  billing.cards    1 rows",
        "  public.orders  120 rows",
        "  public.users    50 rows",
    ]
    assert rows(target, "SELECT count(*) FROM users") == [(50,)]
    assert rows(target, "SELECT email FROM users WHERE id = 7") == [("person7@example.com",)]
    tables = rows(
        target,
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
    )
    assert tables == [("billing", "cards"), ("public", "orders"), ("public", "users")]
    schemas = rows(target, "SELECT nspname FROM pg_namespace WHERE nspname = 'stale'")
    assert schemas == []  # replaced whole: nothing of the old target survives
    assert dump(source) == before  # byte for byte


def test_a_schema_only_copy_has_the_tables_and_no_rows(databases: tuple[str, str]) -> None:
    source, target = databases
    result = refresh(source, target, "--schema-only", "--yes")
    assert result.exit_code == 0, result.output
    assert "(schema only)" in result.output
    assert rows(target, "SELECT count(*) FROM users") == [(0,)]
    assert rows(target, "SELECT count(*) FROM billing.cards") == [(0,)]
    assert "  public.users   0 rows" in result.output


def test_a_masked_copy_is_deterministic_unique_and_never_the_source(
    databases: tuple[str, str], tmp_path: Path
) -> None:
    source, target = databases
    masks = tmp_path / "mask.yaml"
    masks.write_text(
        "users.email: email\n"
        "users.name: hash\n"
        "users.phone: 'null'\n"
        "billing.cards.holder: fixed:Card Holder\n"
    )
    result = refresh(source, target, "--mask", str(masks), "--yes")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-4:] == [
        "  masked public.users.email: email",
        "  masked public.users.name: hash",
        "  masked public.users.phone: null",
        "  masked billing.cards.holder: fixed",
    ]
    first = rows(target, "SELECT id, email, name, phone FROM users ORDER BY id")
    originals = rows(source, "SELECT id, email, name FROM users ORDER BY id")
    assert len({email for _, email, _, _ in first}) == 50  # unique, as the column is
    assert all(email.endswith("@masked.invalid") for _, email, _, _ in first)
    assert all(phone is None for *_, phone in first)
    for (_, email, name, _), (_, old_email, old_name) in zip(first, originals, strict=True):
        assert email != old_email
        assert name != old_name
        assert len(name) == 64  # a SHA-256 digest, in hex
    assert rows(target, "SELECT holder FROM billing.cards") == [("Card Holder",)]
    # The same key: the same values on every refresh; another key: other values.
    assert refresh(source, target, "--mask", str(masks), "--yes").exit_code == 0
    assert rows(target, "SELECT id, email, name, phone FROM users ORDER BY id") == first
    assert refresh(source, target, "--mask", str(masks), "--yes", key="another").exit_code == 0
    assert rows(target, "SELECT email FROM users WHERE id = 1") != [(first[0][1],)]
    assert rows(source, "SELECT id, email, name FROM users ORDER BY id") == originals


def test_without_yes_and_no_terminal_it_refuses(databases: tuple[str, str]) -> None:
    source, target = databases
    result = refresh(source, target)
    assert result.exit_code == 2
    assert result.stderr == (
        "codex-infra: error: refusing to replace dst on 127.0.0.1 without --yes "
        "(standard input is not a terminal)\n"
    )
    assert rows(target, "SELECT count(*) FROM leftover") == [(0,)]  # untouched


@pytest.mark.parametrize(
    ("mask", "error"),
    [
        ("users.email: scramble\n", "users.email: rule 'scramble' is none of email, hash, null"),
        ("email: email\n", "'email' is not table.column or schema.table.column"),
        ("customers.email: email\n", "mask public.customers.email: no such table in the source"),
        ("users.mail: email\n", "mask public.users.mail: no such column in the source"),
        ("users.email: 'null'\n", "mask public.users.email: the column is NOT NULL"),
        (
            "orders.total: hash\n",
            "mask public.orders.total: 'hash' needs a text column, not integer",
        ),
        ("[not, a, mapping]\n", "want a mapping of table.column to a rule"),
        ("users.email: &r email\nusers.name: *r\n", "line 2: a YAML alias (*name), refused"),
    ],
)
def test_a_bad_mask_file_stops_it_before_anything_is_copied(
    databases: tuple[str, str], tmp_path: Path, mask: str, error: str
) -> None:
    source, target = databases
    (tmp_path / "mask.yaml").write_text(mask)
    result = refresh(source, target, "--mask", str(tmp_path / "mask.yaml"), "--yes")
    assert result.exit_code == 2
    assert error in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert rows(target, "SELECT count(*) FROM leftover") == [(0,)]


def test_tools_older_than_the_source_are_refused(
    databases: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for tool in ("pg_dump", "pg_restore"):
        (tmp_path / tool).write_text("#!/bin/sh\necho '" + tool + " (PostgreSQL) 16.4'\n")
        (tmp_path / tool).chmod(0o755)
    monkeypatch.setenv(BIN_ENV, str(tmp_path))
    source, target = databases
    result = refresh(source, target, "--yes")
    assert result.exit_code == 2
    assert result.stderr == (
        "codex-infra: error: pg_dump 16 cannot dump the source's PostgreSQL 18: "
        "use PostgreSQL 18's tools (LOCAL_POSTGRES_BIN)\n"
    )
    assert rows(target, "SELECT count(*) FROM leftover") == [(0,)]


def test_a_wrong_password_is_one_line_without_it(databases: tuple[str, str]) -> None:
    source, target = databases
    wrong = source.replace(PASSWORD, "not-the-password")
    result = refresh(wrong, target, "--yes")
    assert result.exit_code == 2
    assert result.stderr.startswith("codex-infra: error: src on 127.0.0.1: ")
    assert "not-the-password" not in result.stderr
    assert os.environ.get(MASK_KEY_ENV) is None  # the key went to the command only


def test_the_urls_may_come_from_the_environment(databases: tuple[str, str]) -> None:
    """As refresh.yml passes them: a URL on a command line is visible to other users."""
    source, target = databases
    env = {"REFRESH_FROM": source, "REFRESH_TO": target, MASK_KEY_ENV: "k"}
    result = CliRunner().invoke(main, ["refresh", "--schema-only", "--yes"], env=env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Copied src on 127.0.0.1 over dst on 127.0.0.1 (schema only)")


def test_the_same_database_on_both_sides_is_refused(
    cluster: Cluster, databases: tuple[str, str]
) -> None:
    source, _ = databases
    result = refresh(source, source, "--yes")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "codex-infra: error: the source and the target are the same database (src on 127.0.0.1"
        " and src on 127.0.0.1 are database OID "
    )


@pytest.mark.parametrize(
    "spelling",
    [
        "postgresql://app:{password}@localhost:{port}/src",
        "postgresql://app:{password}@/src?host=127.0.0.1&port={port}",
        "host=localhost port={port} dbname=src user=app password={password}",
    ],
    ids=["localhost", "host-parameter", "key-value"],
)
def test_one_database_spelt_two_ways_is_refused_and_left_alone(
    cluster: Cluster, databases: tuple[str, str], tmp_path: Path, spelling: str
) -> None:
    """The red team's case: --from 127.0.0.1, --to localhost, masked. The servers are asked."""
    source, _ = databases
    same = spelling.format(password=PASSWORD, port=cluster.endpoint.port)
    before = dump(source)
    (tmp_path / "mask.yaml").write_text("users.email: email\n")
    result = refresh(source, same, "--mask", str(tmp_path / "mask.yaml"), "--yes")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("codex-infra: error: the source and the target are the same database")
    assert PASSWORD not in result.output
    assert dump(source) == before
    assert rows(source, "SELECT email FROM users WHERE id = 1") == [("person1@example.com",)]


def test_another_database_of_the_same_server_is_not_the_same(
    cluster: Cluster, databases: tuple[str, str]
) -> None:
    """The same cluster, told apart by the database's OID."""
    source, target = databases
    spelt = target.replace("127.0.0.1", "localhost")
    result = refresh(source, spelt, "--schema-only", "--yes")
    assert result.exit_code == 0, result.output


def test_masking_by_digest_needs_a_key(databases: tuple[str, str], tmp_path: Path) -> None:
    source, target = databases
    (tmp_path / "mask.yaml").write_text("users.email: email\n")
    result = refresh(source, target, "--mask", str(tmp_path / "mask.yaml"), "--yes", key="")
    assert result.exit_code == 2
    assert "needs a key: set CODEX_MASK_KEY" in result.stderr
    assert rows(target, "SELECT count(*) FROM leftover") == [(0,)]


def test_a_missing_key_is_said_before_any_database_is_reached(tmp_path: Path) -> None:
    (tmp_path / "mask.yaml").write_text("users.email: hash\n")
    nowhere = "postgresql://user:pw@127.0.0.1:1/nothing"  # no server: connecting would fail
    result = refresh(nowhere, nowhere, "--mask", str(tmp_path / "mask.yaml"), "--yes", key="")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "codex-infra: error: masking by 'email' or 'hash' needs a key: set CODEX_MASK_KEY\n"
    )


def test_a_one_letter_password_is_not_spelt_out_by_redaction(databases: tuple[str, str]) -> None:
    """Marking each `a` of the server's message would show where the password's letter is."""
    source, target = databases
    result = refresh(source.replace(PASSWORD, "a"), target, "--yes")
    assert result.exit_code == 2
    assert result.stderr == f"codex-infra: error: src on 127.0.0.1: {WITHHELD}\n"
