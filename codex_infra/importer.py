"""`codex-infra import STACK`: the `pulumi import --file` file of what STACK's program declares and
Cloudflare already holds, e.g. Workers that wrangler deployed.

Without it the first `pulumi up` silently takes existing scripts over (their create is an upsert)
and fails on custom domains whose hostnames have records (100117). What goes in the file, under
which names, types and parents, is what the program registers (the offline plan); only the ids
come from Cloudflare.

The file is what `pulumi preview --import-file` would write for a stack without state: component
parents (Environment, Worker) are entries with `component: true` and no id, which `pulumi import`
creates, or keeps as they are when the stack has them already; `parent` names another entry of the
file, so no `nameTable` is needed; a resource whose parent is the stack has no `parent`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import click

from codex_infra.cloudflare_api import (
    CloudflareConfigError,
    CloudflareError,
    calling,
    client_from_env,
)
from codex_infra.engine import (
    COMMAND,
    DOMAIN,
    NEON_BRANCH,
    RANDOM_PASSWORD,
    SCRIPT,
    SUBDOMAIN,
    Plan,
    PlannedResource,
    UnknownInputError,
    known_input,
)
from codex_infra.errors import FAULT, fail
from codex_infra.overrides import Overrides, config_overrides
from codex_infra.plan import PlanError, find_root, plan_stack

if TYPE_CHECKING:
    import cloudflare

# What `pulumi import` is run with: the program already declares every resource (no code to
# generate). Imported resources stay protected (the default) until the first up sets the program's
# flags: should a name or parent in the file not match the program, that up refuses to delete the
# imported resource instead of deleting a live Worker.
PULUMI_IMPORT = "pulumi import --file {file} --generate-code=false"


class ImportFileError(Exception):
    """The program's resources cannot be written as an import file."""


@dataclass(frozen=True)
class CustomDomain:
    """A Workers custom domain as the account holds it."""

    id: str
    service: str
    zone_id: str


class Account(Protocol):
    """What the import needs to know of a Cloudflare account."""

    def has_script(self, account_id: str, script_name: str) -> bool: ...

    def custom_domain(self, account_id: str, hostname: str) -> CustomDomain | None: ...


# Why a resource the program registers is not in the file: `pulumi import` cannot take it, or
# there is nothing to take.
_LEFT_OUT: dict[str, Callable[[PlannedResource], str]] = {
    NEON_BRANCH: lambda r: (
        "pulumi import cannot import dynamic-provider resources (pulumi/pulumi#16175);"
        f" the first up adopts the existing branch {r.inputs.get('branch_name')!r} by name"
    ),
    COMMAND: lambda _: "not a cloud object: the first up runs it",
    RANDOM_PASSWORD: lambda _: (
        "the first up generates a new value, replacing what the Worker holds under the binding"
    ),
}


@dataclass(frozen=True)
class Entry:
    """One of the file's `resources`; `id` None for a component."""

    type: str
    name: str
    id: str | None
    parent: str | None

    def document(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"type": self.type, "name": self.name}
        if self.id is not None:
            entry["id"] = self.id
        if self.parent is not None:
            entry["parent"] = self.parent
        if self.id is None:
            entry["component"] = True
        return entry


@dataclass(frozen=True)
class ImportFile:
    entries: tuple[Entry, ...]  # parents before their children
    report: tuple[str, ...]  # per resource: its import id, or why it is left out

    @property
    def imported(self) -> int:
        return sum(1 for e in self.entries if e.id is not None)

    def document(self) -> dict[str, Any]:
        return {"resources": [e.document() for e in self.entries]}

    def render(self) -> str:
        return json.dumps(self.document(), indent=4) + "\n"


def _look_up(resource: PlannedResource, account: Account) -> tuple[str | None, str]:
    """The resource's import id (None: left out) and a line saying what was found."""
    name = resource.name
    if resource.type in (SCRIPT, SUBDOMAIN):
        account_id, script = known_input(resource, "accountId"), known_input(resource, "scriptName")
        if not account.has_script(account_id, script):
            return None, (
                f"{name}: left out: account {account_id} has no script {script!r}:"
                " the first up creates it"
            )
        return f"{account_id}/{script}", f"{name}: {account_id}/{script}"
    if resource.type == DOMAIN:
        account_id, hostname = known_input(resource, "accountId"), known_input(resource, "hostname")
        domain = account.custom_domain(account_id, hostname)
        if domain is None:
            return None, (
                f"{name}: left out: account {account_id} has no Workers custom domain"
                f" {hostname}: the first up creates it (error 100117 if the hostname has DNS"
                " records: see docs/deploying.md)"
            )
        line = f"{name}: {account_id}/{domain.id} ({hostname})"
        service, zone = resource.inputs.get("service"), resource.inputs.get("zoneId")
        if domain.service != service:
            line += f"; it routes to {domain.service!r}, the program to {service!r}"
        if domain.zone_id != zone:
            line += f"; it is in zone {domain.zone_id}, codex:zoneId is {zone}"
        return f"{account_id}/{domain.id}", line
    why = _LEFT_OUT.get(resource.type, lambda _: "no import rule for it: the first up creates it")
    return None, f"{name}: left out ({resource.type}): {why(resource)}"


def _parents_first(plan: Plan) -> Iterator[PlannedResource]:
    """Depth first from the stack's children, siblings by name."""
    urns = {r.urn for r in plan.resources}
    children: dict[str | None, list[PlannedResource]] = {}
    for resource in plan.resources:
        parent = resource.parent if resource.parent in urns else None
        children.setdefault(parent, []).append(resource)

    def walk(parent: str | None) -> Iterator[PlannedResource]:
        for resource in sorted(children.get(parent, []), key=lambda r: r.name):
            yield resource
            yield from walk(resource.urn)

    return walk(None)


def import_file(plan: Plan, account: Account) -> ImportFile:
    """Every custom resource the program registers and the account holds, with the components
    above it; a line for each custom resource, imported or left out."""
    twice = sorted(name for name, n in Counter(r.name for r in plan.resources).items() if n > 1)
    if twice:
        raise ImportFileError(f"the program registers two resources named {twice[0]!r}")
    by_urn = {r.urn: r for r in plan.resources}
    ordered = list(_parents_first(plan))
    ids: dict[str, str] = {}
    report: list[str] = []
    for resource in ordered:
        if resource.custom:
            found, line = _look_up(resource, account)
            report.append(line)
            if found is not None:
                ids[resource.urn] = found
    wanted: set[str] = set()
    for urn in ids:
        while urn in by_urn and urn not in wanted:
            wanted.add(urn)
            urn = by_urn[urn].parent or ""
    entries = tuple(
        Entry(
            r.type,
            r.name,
            ids.get(r.urn),
            by_urn[r.parent].name if r.parent in by_urn else None,
        )
        for r in ordered
        if r.urn in wanted
    )
    return ImportFile(entries, tuple(report))


class CloudflareAccount:
    """An account read through the API: its scripts listed once, custom domains by hostname."""

    def __init__(self, client: cloudflare.Cloudflare) -> None:
        self._client = client
        self._scripts: dict[str, frozenset[str]] = {}

    def has_script(self, account_id: str, script_name: str) -> bool:
        if account_id not in self._scripts:
            with calling(f"list the Workers scripts of account {account_id}"):
                page = self._client.workers.scripts.list(account_id=account_id)
                self._scripts[account_id] = frozenset(s.id for s in page if s.id)
        return script_name in self._scripts[account_id]

    def custom_domain(self, account_id: str, hostname: str) -> CustomDomain | None:
        with calling(f"look up the Workers custom domain {hostname}"):
            page = self._client.workers.domains.list(account_id=account_id, hostname=hostname)
            found = [d for d in page if d.hostname == hostname]
        if len(found) > 1:
            raise CloudflareError(f"account {account_id} has {len(found)} domains {hostname}")
        if not found:
            return None
        return CustomDomain(found[0].id, found[0].service, found[0].zone_id)


@click.command("import")
@click.argument("stack")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the file here (default: stdout).",
)
@config_overrides
def import_command(stack: str, output: Path | None, overrides: Overrides) -> None:
    """The `pulumi import --file` file of what STACK declares and Cloudflare already holds
    (needs CLOUDFLARE_API_TOKEN); what is left out, and why, on stderr."""
    try:
        with client_from_env() as client:
            plan = plan_stack(find_root(Path.cwd()), stack, overrides.plain, overrides.secret)
            result = import_file(plan, CloudflareAccount(client))
    except (CloudflareConfigError, PlanError) as err:
        raise fail(str(err)) from None
    except (CloudflareError, ImportFileError, UnknownInputError) as err:
        raise fail(str(err), FAULT) from None
    for line in result.report:
        click.echo(line, err=True)
    if not result.entries:
        click.echo(f"{stack}: nothing to import: the first up creates everything", err=True)
        return
    if output is None:
        click.echo(result.render(), nl=False)
    else:
        output.write_text(result.render())
    components = len(result.entries) - result.imported
    click.echo(
        f"{stack}: {result.imported} resources to import, under {components} components;"
        f" then: {PULUMI_IMPORT.format(file=output or 'FILE')}",
        err=True,
    )
