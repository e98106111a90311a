"""`codex-infra refresh --from URL --to URL`: one database copied over another, whole, with
personal columns masked on the way if asked.

What previews branch from in the isolated topology has to come from production somehow; Neon
branches cannot cross projects, so a trusted job copies it (pg_dump, pg_restore). The source is
only ever read: every session on it is read-only. The target is replaced whole: every schema in
it is dropped first. URLs and passwords never reach the output: databases are named by
`database on host`. Whether the two are one database is asked of the servers, not read from how
the URLs spell them (`127.0.0.1` and `localhost` are one server).

`refresh` is the order of it all, over the two databases (`SourceDatabase`, `TargetDatabase`) and
the tools (`Tools`); `Connected` and `PgTools` are the real ones.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Generator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast
from urllib.parse import quote

import click
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from codex_infra.engine.config import read_config_yaml
from codex_infra.errors import CodexCommand, FaultError, UsageError, one_line, redact
from codex_infra.local.postgres import client_bin

READ_ONLY = "-c default_transaction_read_only=on"
# Addresses no one can receive mail at (RFC 2606's reserved .invalid).
MASK_DOMAIN = "masked.invalid"
MASK_KEY_ENV = "CODEX_MASK_KEY"
RULES = ("email", "hash", "null", "fixed:VALUE")
TEXT_TYPES = {"text", "character varying", "character", "citext"}
TOOL_TIMEOUT = 3600
# The schemas of the database's own objects, not PostgreSQL's.
_OWN_SCHEMAS = (
    "SELECT oid, nspname FROM pg_namespace "
    "WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'"
)


@dataclass(frozen=True)
class Database:
    """A connection string, and how to name it without its secrets."""

    url: str

    @property
    def params(self) -> dict[str, Any]:
        try:
            return conninfo_to_dict(self.url)
        except psycopg.ProgrammingError:
            raise UsageError("a database URL cannot be read (it is not shown)") from None

    @property
    def name(self) -> str:
        params = self.params
        return f"{params.get('dbname', '?')} on {params.get('host', 'localhost')}"

    @property
    def password(self) -> str:
        return str(self.params.get("password") or "")

    def connect(self, read_only: bool = False) -> psycopg.Connection[Any]:
        conninfo = make_conninfo(self.url, options=READ_ONLY) if read_only else self.url
        try:
            return psycopg.connect(conninfo, autocommit=True, connect_timeout=15)
        except psycopg.Error as err:
            raise UsageError(
                f"{self.name}: {self.redact(one_line(str(err), empty=type(err).__name__))}"
            ) from None

    def for_tool(self) -> tuple[str, dict[str, str]]:
        """The conninfo without its password (command lines are visible to other users), and the
        password in the tool's environment instead."""
        params = {k: v for k, v in self.params.items() if k != "password"}
        env = {"PGPASSWORD": self.password} if self.password else {}
        return make_conninfo(**params), env

    def redact(self, text: str) -> str:
        """A short password would be spelt out by marking where it occurs: withheld whole."""
        return redact(text, [self.password, quote(self.password, safe="")])


@dataclass(frozen=True)
class Identity:
    """What a server says a database is: its cluster (the system identifier initdb gave it), the
    database's OID there and, on Neon, the branch's timeline (branches of one project share the
    cluster's identifier and their databases' OIDs)."""

    system: int
    oid: int
    timeline: str | None

    def __str__(self) -> str:
        branch = f", Neon timeline {self.timeline}" if self.timeline else ""
        return f"database OID {self.oid} of cluster {self.system}{branch}"


def identity(conn: psycopg.Connection[Any], database: Database) -> Identity:
    try:
        row = conn.execute(
            "SELECT s.system_identifier, d.oid FROM pg_control_system() s, pg_database d "
            "WHERE d.datname = current_database()"
        ).fetchone()
    except psycopg.Error as err:
        said = database.redact(one_line(str(err), empty=type(err).__name__))
        raise UsageError(f"{database.name}: cannot tell which database it is: {said}") from None
    assert row is not None  # the current database is in pg_database
    try:  # Neon's own setting (its extension's); elsewhere NULL
        timeline = conn.execute("SELECT current_setting('neon.timeline_id', true)").fetchone()
    except psycopg.Error:  # hidden from this role: the branches cannot be told apart
        timeline = None
    return Identity(
        int(row[0]), int(row[1]), str(timeline[0]) if timeline and timeline[0] else None
    )


@dataclass(frozen=True)
class Mask:
    schema: str
    table: str
    column: str
    rule: str  # email, hash, null or fixed:VALUE

    @property
    def where(self) -> str:
        return f"{self.schema}.{self.table}.{self.column}"


def read_masks(path: Path) -> list[Mask]:
    """The mask file's rules; a malformed one is refused before anything is copied."""
    data: Any = read_config_yaml(path, f"mask file {path}")
    if not isinstance(data, dict) or not data:
        raise UsageError(f"mask file {path}: want a mapping of table.column to a rule")
    masks: list[Mask] = []
    for key, rule in cast(dict[Any, Any], data).items():
        parts = str(key).split(".")
        if len(parts) not in (2, 3) or not all(parts):
            raise UsageError(
                f"mask file {path}: {key!r} is not table.column or schema.table.column"
            )
        if not isinstance(rule, str) or not (
            rule in ("email", "hash", "null") or (rule.startswith("fixed:") and len(rule) > 6)
        ):
            raise UsageError(
                f"mask file {path}: {key}: rule {rule!r} is none of {', '.join(RULES)}"
            )
        schema, table, column = parts if len(parts) == 3 else ["public", *parts]
        masks.append(Mask(schema, table, column, rule))
    return masks


class SourceDatabase(Protocol):
    """The database copied from; only ever read."""

    @property
    def name(self) -> str: ...

    def identity(self) -> Identity: ...

    def server_major(self) -> int: ...

    def check_masks(self, masks: Sequence[Mask]) -> None:
        """Every masked column exists and can take its rule; else a UsageError naming it."""
        ...


class TargetDatabase(Protocol):
    """The database replaced whole."""

    @property
    def name(self) -> str: ...

    def identity(self) -> Identity: ...

    def server_major(self) -> int: ...

    def empty(self) -> None:
        """Nothing of it survives but the database itself."""
        ...

    def apply_masks(self, masks: Sequence[Mask], key: str) -> None: ...

    def table_counts(self) -> list[tuple[str, int]]: ...


class Tools(Protocol):
    """pg_dump of the source, pg_restore into the target."""

    def majors(self) -> tuple[int, int]:
        """pg_dump's and pg_restore's PostgreSQL major versions."""
        ...

    def dump(self, file: Path, schema_only: bool) -> None: ...

    def restore(self, file: Path) -> None:
        """A FaultError if it fails (the target is then incomplete)."""
        ...


def check_versions(source: int, target: int, dump: int, restore: int) -> None:
    """pg_dump reads servers of its own major or older; the dump restores into the same major."""
    if dump < source:
        raise UsageError(
            f"pg_dump {dump} cannot dump the source's PostgreSQL {source}: "
            f"use PostgreSQL {source}'s tools (LOCAL_POSTGRES_BIN)"
        )
    if restore != dump:
        raise UsageError(f"pg_dump {dump} and pg_restore {restore} are of different majors")
    if target != source:
        raise UsageError(
            f"the source runs PostgreSQL {source} and the target {target}: "
            "a copy goes between equal majors"
        )


def check_key(masks: list[Mask], key: str) -> None:
    """Masks by digest need a key (the command checks it before it connects to anything)."""
    if any(m.rule in ("email", "hash") for m in masks) and not key:
        raise UsageError(f"masking by 'email' or 'hash' needs a key: set {MASK_KEY_ENV}")


@dataclass(frozen=True)
class Copied:
    tables: list[tuple[str, int]]
    masked: list[Mask]


def refresh(
    source: SourceDatabase,
    target: TargetDatabase,
    tools: Tools,
    schema_only: bool,
    masks: list[Mask],
    key: str,
) -> Copied:
    """Checks everything it can first (the key, which databases, masks, versions), then dumps,
    empties, restores, masks."""
    check_key(masks, key)
    same = source.identity()
    if target.identity() == same:
        raise UsageError(
            f"the source and the target are the same database ({source.name} and"
            f" {target.name} are {same})"
        )
    source.check_masks(masks)
    check_versions(source.server_major(), target.server_major(), *tools.majors())
    with tempfile.TemporaryDirectory(prefix="codex-refresh-") as tmp:
        dump = Path(tmp) / "dump"
        tools.dump(dump, schema_only)
        target.empty()
        try:
            tools.restore(dump)
        except FaultError as err:
            raise FaultError(f"{err} (the target is incomplete: run again)") from None
    target.apply_masks(masks, key)
    return Copied(target.table_counts(), masks)


# The real databases and tools ------------------------------------------------------------


@dataclass(frozen=True)
class Connected:
    """A database and an open session on it (read-only on the source)."""

    database: Database
    conn: psycopg.Connection[Any]

    @property
    def name(self) -> str:
        return self.database.name

    def identity(self) -> Identity:
        return identity(self.conn, self.database)

    def server_major(self) -> int:
        row = self.conn.execute("SHOW server_version_num").fetchone()
        return int(str(row[0])) // 10000 if row else 0

    def check_masks(self, masks: Sequence[Mask]) -> None:
        conn = self.conn
        for mask in masks:
            row = conn.execute(
                "SELECT data_type, is_nullable FROM information_schema.columns "
                "WHERE table_schema = %s AND table_name = %s AND column_name = %s",
                [mask.schema, mask.table, mask.column],
            ).fetchone()
            if row is None:
                table = conn.execute(
                    "SELECT 1 FROM information_schema.tables "
                    "WHERE table_schema = %s AND table_name = %s",
                    [mask.schema, mask.table],
                ).fetchone()
                what = "column" if table else "table"
                raise UsageError(f"mask {mask.where}: no such {what} in the source")
            data_type, nullable = str(row[0]), row[1] == "YES"
            if mask.rule == "null" and not nullable:
                raise UsageError(
                    f"mask {mask.where}: the column is NOT NULL, so 'null' cannot apply"
                )
            if mask.rule in ("email", "hash") and data_type not in TEXT_TYPES:
                raise UsageError(
                    f"mask {mask.where}: '{mask.rule}' needs a text column, not {data_type}"
                )

    def empty(self) -> None:
        schemas = self.conn.execute(_OWN_SCHEMAS).fetchall()
        with self.conn.transaction():
            for _, schema in schemas:
                self.conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
            # A dump leaves out the `public` schema every new database has (pg_dump 15+).
            self.conn.execute("CREATE SCHEMA public")

    def apply_masks(self, masks: Sequence[Mask], key: str) -> None:
        with self.conn.transaction():
            for mask in masks:
                self.conn.execute(
                    sql.SQL("UPDATE {}.{} SET {} = {} WHERE {} IS NOT NULL").format(
                        sql.Identifier(mask.schema),
                        sql.Identifier(mask.table),
                        sql.Identifier(mask.column),
                        _masked_value(mask),
                        sql.Identifier(mask.column),
                    ),
                    {
                        "key": key,
                        "domain": f"@{MASK_DOMAIN}",
                        "fixed": mask.rule.removeprefix("fixed:"),
                    },
                )

    def table_counts(self) -> list[tuple[str, int]]:
        return table_counts(self.conn)


@contextmanager
def connected(database: Database, read_only: bool = False) -> Generator[Connected]:
    with database.connect(read_only) as conn:
        yield Connected(database, conn)


def _masked_value(mask: Mask) -> sql.Composable:
    """The SQL that replaces a value: keyed SHA-256 (built into PostgreSQL 11+), so the same
    input gives the same output on every refresh, distinct inputs distinct outputs. The key and
    a fixed value travel as parameters, never in the statement's text (or the server's log)."""
    column = sql.Identifier(mask.column)
    digest = sql.SQL(
        "encode(sha256(convert_to(%(key)s || ':' || {}::text, 'UTF8')), 'hex')"
    ).format(column)
    if mask.rule == "email":
        return sql.SQL("'user-' || left({}, 32) || %(domain)s").format(digest)
    if mask.rule == "hash":
        return digest
    if mask.rule == "null":
        return sql.SQL("NULL")
    return sql.SQL("%(fixed)s")


def table_counts(conn: psycopg.Connection[Any]) -> list[tuple[str, int]]:
    tables = conn.execute(
        sql.SQL(
            "SELECT n.nspname, c.relname FROM pg_class c JOIN ({}) n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') ORDER BY 1, 2"
        ).format(sql.SQL(_OWN_SCHEMAS))
    ).fetchall()
    counts: list[tuple[str, int]] = []
    for schema, table in tables:
        row = conn.execute(
            sql.SQL("SELECT count(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        ).fetchone()
        counts.append((f"{schema}.{table}", int(row[0]) if row else 0))
    return counts


@dataclass(frozen=True)
class PgTools:
    """The client tools of the local environment's PostgreSQL (LOCAL_POSTGRES_BIN to choose)."""

    source: Database
    target: Database

    def majors(self) -> tuple[int, int]:
        return self._major("pg_dump"), self._major("pg_restore")

    def dump(self, file: Path, schema_only: bool) -> None:
        args = ["--format=custom", "--no-owner", "--no-privileges", "--file", str(file)]
        schema = ["--schema-only"] if schema_only else []
        self._run("pg_dump", [*args, *schema], self.source, {"PGOPTIONS": READ_ONLY})

    def restore(self, file: Path) -> None:
        args = ["--no-owner", "--no-privileges", "--exit-on-error", str(file)]
        self._run("pg_restore", args, self.target, {})

    @staticmethod
    def _tool(name: str) -> Path:
        path = client_bin() / name
        if not path.is_file():
            raise UsageError(f"{name} not found in {path.parent}")
        return path

    def _major(self, name: str) -> int:
        result = subprocess.run(
            [str(self._tool(name)), "--version"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        match = re.search(r"(\d+)(?:\.\d+)?", result.stdout)
        if match is None:
            raise UsageError(f"cannot read a PostgreSQL version from {result.stdout!r}")
        return int(match.group(1))

    def _run(self, name: str, args: list[str], database: Database, env: Mapping[str, str]) -> None:
        conninfo, secret_env = database.for_tool()
        try:
            result = subprocess.run(
                [str(self._tool(name)), *args, "--dbname", conninfo],
                capture_output=True,
                text=True,
                check=False,
                timeout=TOOL_TIMEOUT,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env, **secret_env},
            )
        except subprocess.TimeoutExpired:
            raise FaultError(f"{name} ran over {TOOL_TIMEOUT} s") from None
        if result.returncode != 0:
            lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
            errors = [line for line in lines if "error" in line.lower()] or lines
            said = database.redact(errors[0] if errors else f"exit code {result.returncode}")
            raise FaultError(f"{name} failed on {database.name}: {said}")


def _key() -> str:
    """The masking key: a secret, so that digests cannot be recomputed from guessed values."""
    value = os.environ.get(MASK_KEY_ENV, "")
    return hashlib.sha256(value.encode()).hexdigest() if value else ""


@click.command("refresh", cls=CodexCommand)
@click.option(
    "--from", "source", required=True, metavar="URL", envvar="REFRESH_FROM",
    help="Read only (or $REFRESH_FROM: a URL on a command line is visible to other users).",
)  # fmt: skip
@click.option(
    "--to", "target", required=True, metavar="URL", envvar="REFRESH_TO",
    help="Replaced whole (or $REFRESH_TO).",
)  # fmt: skip
@click.option("--schema-only", is_flag=True, help="Tables, no rows.")
@click.option(
    "--mask",
    "mask_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"YAML of table.column: rule ({', '.join(RULES)}); keyed by ${MASK_KEY_ENV}.",
)
@click.option("--yes", is_flag=True, help="Replace the target without asking.")
def refresh_command(
    source: str, target: str, schema_only: bool, mask_file: Path | None, yes: bool
) -> None:
    """Copy the database at --from over the one at --to (pg_dump, pg_restore)."""
    src, dst = Database(source), Database(target)
    masks = read_masks(mask_file) if mask_file else []
    key = _key()
    check_key(masks, key)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(
                f"refusing to replace {dst.name} without --yes (standard input is not a terminal)"
            )
        click.confirm(f"Replace every object in {dst.name} with a copy of {src.name}?", abort=True)
    with connected(src, read_only=True) as read, connected(dst) as written:
        copied = refresh(read, written, PgTools(src, dst), schema_only, masks, key)
    kind = "schema only" if schema_only else "schema and rows"
    click.echo(f"Copied {src.name} over {dst.name} ({kind}):")
    width = max((len(name) for name, _ in copied.tables), default=0)
    digits = max((len(str(rows)) for _, rows in copied.tables), default=0)
    for name, rows in copied.tables:
        click.echo(f"  {name.ljust(width)}  {rows:>{digits}} rows")
    for mask in copied.masked:
        click.echo(f"  masked {mask.where}: {mask.rule.split(':', 1)[0]}")
