"""`codex-infra import STACK`: the `pulumi import --file` file of what a stack declares and
Cloudflare already holds, against a fake Cloudflare API that answers only what the official SDK's
models accept; and the file-building logic on its own."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi_cloudflare
import pytest
from click.testing import CliRunner, Result

from codex_infra import importer
from codex_infra.cli import main
from codex_infra.cloudflare_api import client_from_env
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
    load_stack_config,
)
from codex_infra.importer import CustomDomain, ImportFile, ImportFileError, import_file
from tests.cloudflare_fake import DEFAULT_TOKEN, FakeCloudflare, fake_cloudflare
from tests.conftest import PROJECT_DIR

Planned = Callable[[str], tuple[Plan, dict[str, Any]]]

_PRODUCTION = load_stack_config(PROJECT_DIR, "production").values
ACCOUNT = _PRODUCTION["codex:cloudflareAccountId"]
ZONE = _PRODUCTION["codex:zoneId"]
HOSTNAMES: dict[str, str] = json.loads(_PRODUCTION["codex:hostnames"])


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)


def _of_type(plan: Plan, type_: str) -> list[PlannedResource]:
    return plan.of_type(type_)


def scripts_of(plan: Plan) -> dict[str, str]:
    """Resource name -> script name, as the program declares them."""
    return {r.name: r.inputs["scriptName"] for r in plan.of_type(SCRIPT)}


def domains_of(plan: Plan) -> dict[str, PlannedResource]:
    return {r.inputs["hostname"]: r for r in plan.of_type(DOMAIN)}


# What the engines make of names, parents and types (pulumi/pulumi's source) -----------------


def engine_urn(plan: Plan, resource: PlannedResource) -> str:
    """The URN `pulumi up` gives a resource the program registers (deploy.generateURN): its
    parents' types, outermost first, the stack's left out. (The SDK's mock engine keeps only the
    nearest parent's type, and the stack's: codex_infra.engine gives the engine's instead.)"""
    by_urn = {r.urn: r for r in plan.resources}
    types: list[str] = []
    current: PlannedResource | None = resource
    while current is not None:
        types.append(current.type)
        current = by_urn.get(current.parent or "")
    qualified = "$".join(reversed(types))
    return f"urn:pulumi:{plan.stack}::{plan.project}::{qualified}::{resource.name}"


def import_urns(document: dict[str, Any], stack: str, project: str) -> dict[str, str]:
    """Name -> the URN `pulumi import --file` gives each entry (parseImportFile): `parent` names
    another entry (there is no nameTable), whose qualified type prefixes the entry's type."""
    entries = {e["name"]: e for e in document["resources"]}

    def qualified(entry: dict[str, Any]) -> str:
        parent = entry.get("parent")
        return (f"{qualified(entries[parent])}$" if parent else "") + entry["type"]

    return {
        name: f"urn:pulumi:{stack}::{project}::{qualified(e)}::{name}"
        for name, e in entries.items()
    }


def sdk_import_ids() -> dict[str, str]:
    """Type token -> import id template, from the `## Import` sections of pulumi-cloudflare's
    docstrings (`$ pulumi import <token> example '<account_id>/<script_name>'`)."""
    templates: dict[str, str] = {}
    for cls in (
        pulumi_cloudflare.WorkersScript,
        pulumi_cloudflare.WorkersScriptSubdomain,
        pulumi_cloudflare.WorkersCustomDomain,
    ):
        source = Path(sys.modules[cls.__module__].__file__ or "").read_text()
        (found,) = set(re.findall(r"\$ pulumi import (\S+) example '([^']+)'", source))
        templates[found[0]] = found[1]
    return templates


def id_parts(template: str, import_id: str) -> dict[str, str]:
    pattern = re.sub(r"<(\w+)>", lambda m: f"(?P<{m[1]}>[^/]+)", template)
    match = re.fullmatch(pattern, import_id)
    assert match is not None, f"{import_id!r} is not of the form {template!r}"
    return match.groupdict()


# Pure: the file from a plan and what an account holds ----------------------------------


@dataclass
class Holding:
    """An account as a test says it is."""

    scripts: set[tuple[str, str]] = field(default_factory=set[tuple[str, str]])
    domains: dict[tuple[str, str], CustomDomain] = field(
        default_factory=dict[tuple[str, str], CustomDomain]
    )

    def has_script(self, account_id: str, script_name: str) -> bool:
        return (account_id, script_name) in self.scripts

    def custom_domain(self, account_id: str, hostname: str) -> CustomDomain | None:
        return self.domains.get((account_id, hostname))


def everything(plan: Plan) -> Holding:
    """What a full wrangler deployment of the stack left in the account."""
    return Holding(
        {(r.inputs["accountId"], r.inputs["scriptName"]) for r in plan.of_type(SCRIPT)},
        {
            (r.inputs["accountId"], host): CustomDomain(
                f"{index:032x}", r.inputs["service"], r.inputs["zoneId"]
            )
            for index, (host, r) in enumerate(sorted(domains_of(plan).items()), 1)
        },
    )


@pytest.mark.parametrize("stack", ["production", "staging", "pr-7"])
def test_the_plan_has_the_engines_urns(planned: Planned, stack: str) -> None:
    """A URN copied from a plan or a PR's diff works in `pulumi up --target`, `state unprotect`
    or an alias (engine tests compare them with a real state too)."""
    plan, _ = planned(stack)
    for resource in plan.resources:
        assert resource.urn == engine_urn(plan, resource)
    script = plan.by_name("codex-web-script")
    qualified = "codex:index:Environment$codex:index:Worker$" + SCRIPT
    assert script.urn == f"urn:pulumi:{stack}::codex::{qualified}::codex-web-script"


def test_production_file_lands_on_the_programs_urns_with_the_sdks_ids(planned: Planned) -> None:
    plan, _ = planned("production")
    built = import_file(plan, everything(plan))
    document = built.document()
    assert set(document) == {"resources"}  # every parent is an entry: no nameTable

    wanted = [r for r in plan.resources if r.type in (SCRIPT, SUBDOMAIN, DOMAIN)]
    assert len(wanted) == 9
    by_name = {e["name"]: e for e in document["resources"]}
    urns = import_urns(document, plan.stack, plan.project)
    for resource in wanted:
        assert urns[resource.name] == engine_urn(plan, resource)
        assert by_name[resource.name]["type"] == resource.type
    # The components above them, as components; nothing else (the Neon branch's is not needed).
    components = {e["name"] for e in document["resources"] if e.get("component")}
    assert components == {"codex", "codex-web", "codex-auth", "codex-stripe-webhook"}
    for name in components:
        assert "id" not in by_name[name]
        assert urns[name] == engine_urn(plan, plan.by_name(name))
    assert set(by_name) == components | {r.name for r in wanted}
    assert "parent" not in by_name["codex"]  # the stack's child
    # Parents come before their children, as `pulumi preview --import-file` writes them.
    order = [e["name"] for e in document["resources"]]
    assert all(
        order.index(e["parent"]) < order.index(e["name"]) for e in by_name.values() if "parent" in e
    )

    templates = sdk_import_ids()
    assert set(templates) == {SCRIPT, SUBDOMAIN, DOMAIN}
    domains = everything(plan).domains
    for resource in wanted:
        parts = id_parts(templates[resource.type], by_name[resource.name]["id"])
        assert parts.pop("account_id") == ACCOUNT == resource.inputs["accountId"]
        if resource.type == DOMAIN:
            found = domains[(ACCOUNT, resource.inputs["hostname"])]
            assert parts == {"domain_id": found.id}
        else:
            assert parts == {"script_name": resource.inputs["scriptName"]}


def test_what_is_left_out_is_said_with_why(planned: Planned) -> None:
    plan, _ = planned("production")
    built = import_file(plan, everything(plan))
    left_out = {line.split(":")[0]: line for line in built.report if ": left out" in line}
    (branch,) = _of_type(plan, NEON_BRANCH)
    (migrations,) = _of_type(plan, COMMAND)
    (password,) = _of_type(plan, RANDOM_PASSWORD)
    assert set(left_out) == {branch.name, migrations.name, password.name}
    assert "pulumi/pulumi#16175" in left_out[branch.name]
    assert f"adopts the existing branch {branch.inputs['branch_name']!r}" in left_out[branch.name]
    assert "the first up runs it" in left_out[migrations.name]
    assert "the first up generates a new value" in left_out[password.name]
    # One line per custom resource, imported or not.
    assert len(built.report) == sum(1 for r in plan.resources if r.custom)


def test_a_missing_script_leaves_out_it_and_its_workers_dev_switch(planned: Planned) -> None:
    plan, _ = planned("production")
    holding = everything(plan)
    missing = scripts_of(plan)["codex-stripe-webhook-script"]
    holding.scripts.discard((ACCOUNT, missing))
    built = import_file(plan, holding)
    names = {e.name for e in built.entries}
    assert not names & {"codex-stripe-webhook-script", "codex-stripe-webhook-workers-dev"}
    # Its domain still exists in the account: imported, under its Worker.
    assert {"codex-stripe-webhook", "codex-stripe-webhook-domain"} <= names
    line = f"account {ACCOUNT} has no script {missing!r}: the first up creates it"
    assert f"codex-stripe-webhook-script: left out: {line}" in built.report
    assert f"codex-stripe-webhook-workers-dev: left out: {line}" in built.report


def test_a_worker_with_nothing_in_the_account_has_no_component_entry(planned: Planned) -> None:
    plan, _ = planned("production")
    holding = everything(plan)
    holding.scripts.discard((ACCOUNT, scripts_of(plan)["codex-auth-script"]))
    del holding.domains[(ACCOUNT, HOSTNAMES["auth"])]
    built = import_file(plan, holding)
    assert not [e for e in built.entries if e.name.startswith("codex-auth")]
    assert built.imported == 6


def test_a_missing_domain_is_left_out_pointing_at_100117(planned: Planned) -> None:
    plan, _ = planned("production")
    holding = everything(plan)
    del holding.domains[(ACCOUNT, HOSTNAMES["web"])]
    built = import_file(plan, holding)
    assert "codex-web-domain" not in {e.name for e in built.entries}
    (line,) = [r for r in built.report if r.startswith("codex-web-domain:")]
    assert line == (
        f"codex-web-domain: left out: account {ACCOUNT} has no Workers custom domain"
        f" {HOSTNAMES['web']}: the first up creates it (error 100117 if the hostname has DNS"
        " records: see docs/deploying.md)"
    )


def test_a_domain_routed_elsewhere_is_imported_and_the_difference_said(planned: Planned) -> None:
    plan, _ = planned("production")
    holding = everything(plan)
    holding.domains[(ACCOUNT, HOSTNAMES["web"])] = CustomDomain("d" * 32, "codex-web", "z" * 32)
    built = import_file(plan, holding)
    (entry,) = [e for e in built.entries if e.name == "codex-web-domain"]
    assert entry.id == f"{ACCOUNT}/{'d' * 32}"
    (line,) = [r for r in built.report if r.startswith("codex-web-domain:")]
    assert "it routes to 'codex-web', the program to 'codex-web-production'" in line
    assert f"it is in zone {'z' * 32}, codex:zoneId is {ZONE}" in line


def test_an_empty_account_gives_an_empty_file(planned: Planned) -> None:
    plan, _ = planned("staging")
    built = import_file(plan, Holding())
    assert built.entries == ()
    assert built.document() == {"resources": []}


def test_two_resources_of_one_name_cannot_be_told_apart() -> None:
    def resource(urn: str) -> PlannedResource:
        return PlannedResource(urn, SCRIPT, "same", None, True, False, False, (), {})

    plan = Plan("codex", "staging", [resource("urn:a"), resource("urn:b")])
    with pytest.raises(ImportFileError, match="two resources named 'same'"):
        import_file(plan, Holding())


def test_an_input_unknown_before_a_deploy_is_refused() -> None:
    script = PlannedResource(
        "urn:a", SCRIPT, "s", None, True, False, False, (), {"accountId": "[unknown]"}
    )
    with pytest.raises(UnknownInputError, match="s: its accountId is not known before a deploy"):
        import_file(Plan("codex", "staging", [script]), Holding())


# The command, against the fake API -----------------------------------------------------


@pytest.fixture
def cloudflare(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCloudflare]:
    with fake_cloudflare(monkeypatch) as fake:
        yield fake


@pytest.fixture
def production(planned: Planned, monkeypatch: pytest.MonkeyPatch) -> Plan:
    """The command's plan of production is the session's (one program run for all tests);
    the plan's own path is covered by the first command test."""
    plan, _ = planned("production")

    def plan_stack(_root: Path, stack: str, *_overrides: object) -> Plan:
        assert stack == "production"
        return plan

    monkeypatch.setattr(importer, "plan_stack", plan_stack)
    return plan


def wrangler_deployed(fake: FakeCloudflare, plan: Plan) -> dict[str, str]:
    """The account as wrangler left it, with some of its other Workers; hostname -> domain id."""
    for script in [*scripts_of(plan).values(), "codex-web-staging", "marketing-site"]:
        fake.add_script(ACCOUNT, script)
    fake.add_domain(ACCOUNT, "www.example.org", "marketing-site", "e" * 32, "example.org")
    return {
        host: fake.add_domain(ACCOUNT, host, r.inputs["service"], ZONE, "codex.example.com")
        for host, r in sorted(domains_of(plan).items())
    }


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, ["import", *args])
    assert DEFAULT_TOKEN not in result.output
    return result


def entry(type_: str, name: str, id_: str, parent: str) -> dict[str, str]:
    return {"type": type_, "name": name, "id": id_, "parent": parent}


def test_production_import_file(cloudflare: FakeCloudflare, planned: Planned) -> None:
    """The whole path: the real plan of production, the account read through the SDK."""
    plan, _ = planned("production")
    ids = wrangler_deployed(cloudflare, plan)
    result = run("production")
    assert result.exit_code == 0, result.output
    web, auth, stripe = (ids[HOSTNAMES[k]] for k in ("web", "auth", "stripeWebhook"))
    environment, worker = "codex:index:Environment", "codex:index:Worker"
    web_script, auth_script = f"{ACCOUNT}/codex-web-production", f"{ACCOUNT}/auth-worker-production"
    stripe_script = f"{ACCOUNT}/stripe-webhook-handler-production"
    assert json.loads(result.stdout)["resources"] == [
        {"type": environment, "name": "codex", "component": True},
        {"type": worker, "name": "codex-auth", "parent": "codex", "component": True},
        entry(DOMAIN, "codex-auth-domain", f"{ACCOUNT}/{auth}", "codex-auth"),
        entry(SCRIPT, "codex-auth-script", auth_script, "codex-auth"),
        entry(SUBDOMAIN, "codex-auth-workers-dev", auth_script, "codex-auth"),
        {"type": worker, "name": "codex-stripe-webhook", "parent": "codex", "component": True},
        entry(DOMAIN, "codex-stripe-webhook-domain", f"{ACCOUNT}/{stripe}", "codex-stripe-webhook"),
        entry(SCRIPT, "codex-stripe-webhook-script", stripe_script, "codex-stripe-webhook"),
        entry(SUBDOMAIN, "codex-stripe-webhook-workers-dev", stripe_script, "codex-stripe-webhook"),
        {"type": worker, "name": "codex-web", "parent": "codex", "component": True},
        entry(DOMAIN, "codex-web-domain", f"{ACCOUNT}/{web}", "codex-web"),
        entry(SCRIPT, "codex-web-script", web_script, "codex-web"),
        entry(SUBDOMAIN, "codex-web-workers-dev", web_script, "codex-web"),
    ]
    lines = result.stderr.splitlines()
    assert lines[-1] == (
        "production: 9 resources to import, under 4 components;"
        " then: pulumi import --file FILE --generate-code=false"
    )
    assert sum(": left out" in line for line in lines) == 3  # branch, migrations, password
    # One list of the account's scripts, one look-up per hostname, all with the token.
    assert cloudflare.count("GET", r"/workers/scripts$") == 1
    domain_calls = [c for c in cloudflare.requests if c.path.endswith("/workers/domains")]
    assert sorted(c.query["hostname"] for c in domain_calls) == sorted(HOSTNAMES.values())
    assert all(c.path.startswith(f"/accounts/{ACCOUNT}/") for c in cloudflare.requests)
    assert {c.headers["Authorization"] for c in cloudflare.requests} == {f"Bearer {DEFAULT_TOKEN}"}


def test_output_file_and_config_overrides(
    cloudflare: FakeCloudflare, planned: Planned, tmp_path: Path
) -> None:
    """--config reaches the plan as for `codex-infra plan`: another account, another id."""
    plan, _ = planned("production")
    other = "9" * 32
    for script in scripts_of(plan).values():
        cloudflare.add_script(other, script)
    output = tmp_path / "import.json"
    result = run("production", "--config", f"cloudflareAccountId={other}", "--output", str(output))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    document = json.loads(output.read_text())
    ids = {e["id"] for e in document["resources"] if "id" in e}
    assert ids == {f"{other}/{script}" for script in scripts_of(plan).values()}
    assert f"pulumi import --file {output} --generate-code=false" in result.stderr
    assert cloudflare.count("GET", f"/accounts/{ACCOUNT}/") == 0


def test_nothing_in_the_account_writes_nothing(
    cloudflare: FakeCloudflare, production: Plan, tmp_path: Path
) -> None:
    cloudflare.add_script(ACCOUNT, "marketing-site")
    output = tmp_path / "import.json"
    result = run("production", "--output", str(output))
    assert result.exit_code == 0, result.output
    assert not output.exists()
    assert result.stderr.splitlines()[-1] == (
        "production: nothing to import: the first up creates everything"
    )


def test_missing_script_and_domain_are_reported(
    cloudflare: FakeCloudflare, production: Plan
) -> None:
    ids = wrangler_deployed(cloudflare, production)
    script = scripts_of(production)["codex-auth-script"]
    del cloudflare.accounts[ACCOUNT].scripts[script]
    del cloudflare.accounts[ACCOUNT].domains[ids[HOSTNAMES["web"]]]
    result = run("production")
    assert result.exit_code == 0, result.output
    names = {e["name"] for e in json.loads(result.stdout)["resources"]}
    assert not names & {"codex-auth-script", "codex-auth-workers-dev", "codex-web-domain"}
    assert {"codex-auth-domain", "codex-web-script"} <= names
    assert f"codex-auth-script: left out: account {ACCOUNT} has no script {script!r}" in (
        result.stderr
    )
    assert f"no Workers custom domain {HOSTNAMES['web']}" in result.stderr
    assert "error 100117" in result.stderr


def test_no_token_is_one_line_and_no_request(
    cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLOUDFLARE_API_TOKEN")
    result = run("production")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "codex-infra: error: CLOUDFLARE_API_TOKEN is not set"
        " (the token a deploy of this stack uses)\n"
    )
    assert cloudflare.requests == []


def test_an_api_refusal_is_one_line_with_cloudflares_code(
    cloudflare: FakeCloudflare, production: Plan
) -> None:
    wrangler_deployed(cloudflare, production)
    cloudflare.fail("GET", r"/workers/domains$", 403, 10000, "Authentication error")
    result = run("production")
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert re.fullmatch(
        rf"codex-infra: error: Cloudflare API GET /client/v4/accounts/{ACCOUNT}/workers/domains"
        r" \(look up the Workers custom domain [a-z.]+\) failed with HTTP 403:"
        r" 10000 Authentication error",
        line,
    )


def test_a_refused_script_list_names_its_call(cloudflare: FakeCloudflare, production: Plan) -> None:
    wrangler_deployed(cloudflare, production)
    cloudflare.fail(
        "GET", r"/workers/scripts$", 403, 9109, "Unauthorized to access requested resource"
    )
    result = run("production")
    assert result.exit_code == 1
    assert result.stderr == (
        f"codex-infra: error: Cloudflare API GET /client/v4/accounts/{ACCOUNT}/workers/scripts"
        f" (list the Workers scripts of account {ACCOUNT}) failed with HTTP 403:"
        " 9109 Unauthorized to access requested resource\n"
    )


def test_the_fake_flags_what_the_sdk_would_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its own check works: a result missing a required field or carrying one the SDK does not
    declare, and a query parameter the SDK does not send, are violations."""
    with FakeCloudflare() as fake:
        monkeypatch.setenv("CLOUDFLARE_API_TOKEN", fake.token)
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", fake.base_url)
        domain_id = fake.add_domain(ACCOUNT, "a.example.com", "s", ZONE)
        broken = fake.accounts[ACCOUNT].domains[domain_id]
        del broken["cert_id"]
        fake.add_domain(ACCOUNT, "b.example.com", "s", ZONE)
        fake.accounts[ACCOUNT].domains[f"{2:032x}"]["routes"] = []
        fake.add_script(ACCOUNT, "s")
        with client_from_env() as client:
            client.workers.domains.list(account_id=ACCOUNT)
            client.workers.scripts.list(account_id=ACCOUNT, extra_query={"per_page": 5})
    where = f"response 200 to GET /accounts/{ACCOUNT}/workers/domains"
    assert len(fake.violations) == 3
    assert fake.violations[0].startswith(f"{where}: result[0]: 1 validation error")
    assert "cert_id" in fake.violations[0]
    assert fake.violations[1] == f"{where}: result[1].routes is not in the SDK's model"
    assert fake.violations[2] == (
        f"GET /accounts/{ACCOUNT}/workers/scripts: query ['per_page'] not in the SDK"
    )


def test_a_wrong_token_is_refused_by_the_api(
    cloudflare: FakeCloudflare, production: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "not-the-token")
    result = run("production")
    assert result.exit_code == 1
    assert result.stderr == (
        f"codex-infra: error: Cloudflare API GET /client/v4/accounts/{ACCOUNT}/workers/domains"
        f" (look up the Workers custom domain {HOSTNAMES['auth']}) failed with HTTP 403:"
        " 10000 Authentication error\n"
    )
    assert "not-the-token" not in result.output


def test_only_the_token_is_sent_whatever_else_is_in_the_environment(
    cloudflare: FakeCloudflare, production: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SDK would send CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY instead of the token."""
    monkeypatch.setenv("CLOUDFLARE_EMAIL", "ops@example.com")
    monkeypatch.setenv("CLOUDFLARE_API_KEY", "legacy-global-key")
    wrangler_deployed(cloudflare, production)
    result = run("production")
    assert result.exit_code == 0, result.output
    for call in cloudflare.requests:
        assert call.headers["Authorization"] == f"Bearer {DEFAULT_TOKEN}"
        assert not {"X-Auth-Email", "X-Auth-Key"} & set(call.headers)


def test_a_bad_stack_is_one_line(cloudflare: FakeCloudflare) -> None:
    result = run("prod")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("codex-infra: error: ")
    assert "'prod'" in line
    assert cloudflare.requests == []


def test_import_file_render_is_what_pulumi_reads() -> None:
    """Go's encoder in `pulumi preview --import-file` indents by four; keys as its importSpec."""
    built = ImportFile(
        (
            importer.Entry("codex:index:Worker", "w", None, None),
            importer.Entry(SCRIPT, "s", "a/s", "w"),
        ),
        (),
    )
    assert built.render() == (
        "{\n"
        '    "resources": [\n'
        "        {\n"
        '            "type": "codex:index:Worker",\n'
        '            "name": "w",\n'
        '            "component": true\n'
        "        },\n"
        "        {\n"
        f'            "type": "{SCRIPT}",\n'
        '            "name": "s",\n'
        '            "id": "a/s",\n'
        '            "parent": "w"\n'
        "        }\n"
        "    ]\n"
        "}\n"
    )


@pytest.mark.parametrize("url", ["not-a-url", "ftp://api.example.com", "https://"])
def test_a_bad_base_url_is_one_line_and_no_request(
    cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    """Not `not-a-url/not-a-url/accounts/…`, retried: refused before any request."""
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", url)
    result = run("production")
    assert result.exit_code == 2
    assert result.stderr == (
        "codex-infra: error: CLOUDFLARE_BASE_URL must be an http(s) URL with a host, like"
        " https://api.example.com/v1\n"
    )
    assert cloudflare.requests == []
