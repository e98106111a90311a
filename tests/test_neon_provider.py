"""NeonBranchProvider against the spec-validating fake Neon (see neon_fake.py).

Each scenario asserts what is left in Neon (no duplicate, no leak), how many requests
it took (bounded) and what the user reads (clear, never the API key).
"""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from neon_fake import DEFAULT_API_KEY, FAST_ENV, FakeNeon, fake_neon
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime.rpc import UNKNOWN

from components.neon_api import (
    NeonAuthError,
    NeonClient,
    NeonConfigError,
    NeonError,
    NeonHTTPError,
    NeonOperationError,
    NeonSettings,
    NeonUnavailableError,
)
from components.neon_provider import (
    OUTPUT_KEYS,
    NeonBranchError,
    NeonBranchLimitError,
    NeonBranchProvider,
    _expiry_moved,
)
from tests.conftest import REPO

PROJECT = "proj-test-1"
PREVIEW = "preview/pr-7"


@pytest.fixture
def neon(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeNeon]:
    with fake_neon(monkeypatch) as fake:
        fake.add_project(PROJECT)
        yield fake


@pytest.fixture(autouse=True)
def _no_key_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Every log line of every test (ours, httpx's, tenacity's) is free of the key."""
    caplog.set_level(logging.DEBUG)
    yield
    assert DEFAULT_API_KEY not in caplog.text


def props(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "project_id": PROJECT,
        "branch_name": PREVIEW,
        "parent_branch": "main",
        "database_name": "neondb",
        "role_name": "neondb_owner",
        "expires_at": "2026-12-04T22:00:00Z",
        "protected": False,
        "init_source": None,
        "min_cu": None,
        "max_cu": None,
        "suspend_timeout_seconds": None,
        "annotations": None,
        "__provider": "c2VyaWFsaXplZA==",
    }
    return {**base, **overrides}


def fails(neon: FakeNeon, error: type[Exception], action: Any, *args: Any) -> str:
    """Run a provider call expected to fail; return its message after checking it is clean."""
    with pytest.raises(error) as raised:
        action(*args)
    message = str(raised.value)
    assert neon.api_key not in message
    assert "\n" not in message
    return message


def branch_id_of(neon: FakeNeon, name: str = PREVIEW) -> str:
    branch_id: str = next(b["id"] for b in neon.branches(PROJECT) if b["name"] == name)
    return branch_id


# Happy paths -----------------------------------------------------------------------


def test_create_then_delete_takes_four_requests_each(neon: FakeNeon) -> None:
    provider = NeonBranchProvider()
    result = provider.create(props())

    outs = result.outs or {}
    password = neon.projects[PROJECT].password
    assert result.id == outs["branch_id"] == branch_id_of(neon)
    assert set(OUTPUT_KEYS) | set(props()) - {"__provider"} == set(outs)
    host = outs["host"]
    first, _, rest = host.partition(".")
    assert outs["pooler_host"] == f"{first}-pooler.{rest}"
    assert outs["database_url"] == (
        f"postgresql://neondb_owner:{password}@{first}-pooler.{rest}/neondb?sslmode=require"
    )
    assert outs["direct_database_url"] == (
        f"postgresql://neondb_owner:{password}@{host}/neondb?sslmode=require"
    )
    assert outs["expires_at"] == "2026-12-04T22:00:00Z"
    assert neon.branches(PROJECT)[-1]["expires_at"] == "2026-12-04T22:00:00Z"
    # list branches, create branch+endpoint, poll its two operations.
    assert [(c.method, c.status) for c in neon.requests] == [
        ("GET", 200),
        ("POST", 201),
        ("GET", 200),
        ("GET", 200),
    ]

    neon.requests.clear()
    provider.delete(result.id, {**props(), **outs})
    assert neon.branch_names(PROJECT) == ["main"]
    # read branch (default/protected check), delete, poll its two operations.
    assert [(c.method, c.status) for c in neon.requests] == [
        ("GET", 200),
        ("DELETE", 200),
        ("GET", 200),
        ("GET", 200),
    ]


def test_parent_may_be_given_by_id(neon: FakeNeon) -> None:
    main_id = branch_id_of(neon, "main")
    result = NeonBranchProvider().create(props(parent_branch=main_id))
    assert next(b for b in neon.branches(PROJECT) if b["id"] == result.id)["parent_id"] == main_id


def test_rerun_adopts_the_branch_instead_of_making_a_second(neon: FakeNeon) -> None:
    branch_id = neon.add_branch(PROJECT, PREVIEW, expires_at="2026-12-04T22:00:00Z")

    result = NeonBranchProvider().create(props())

    assert result.id == branch_id
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]
    assert neon.count("POST") == 0
    # list branches, its running operations (none), list its endpoints, connection URI.
    assert len(neon.requests) == 4


def test_adopting_converges_expires_at_and_protected(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, PREVIEW)

    NeonBranchProvider().create(props(expires_at="2026-12-05T10:00:00Z"))

    assert neon.count("PATCH") == 1
    assert neon.branches(PROJECT)[-1]["expires_at"] == "2026-12-05T10:00:00Z"


def test_same_name_under_another_parent_fails_clearly(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, "staging")
    neon.add_branch(PROJECT, PREVIEW, parent="staging")

    message = fails(neon, NeonBranchError, NeonBranchProvider().create, props())

    assert "already exists with another parent" in message
    assert PREVIEW in message
    assert neon.count("POST") == 0
    assert neon.branch_names(PROJECT) == ["main", PREVIEW, "staging"]


def test_missing_parent_fails_clearly(neon: FakeNeon) -> None:
    message = fails(neon, NeonBranchError, NeonBranchProvider().create, props(parent_branch="dev"))
    assert "parent branch 'dev'" in message
    assert neon.count("POST") == 0


# Production's default branch ---------------------------------------------------------


def test_production_default_branch_is_adopted_and_never_deleted(neon: FakeNeon) -> None:
    provider = NeonBranchProvider()
    production = props(branch_name="main", parent_branch=None, expires_at=None)

    result = provider.create(production)
    provider.delete(result.id, {**production, **(result.outs or {})})

    assert result.id == branch_id_of(neon, "main")
    assert neon.count("POST") == 0
    assert neon.count("DELETE") == 0
    assert neon.branch_names(PROJECT) == ["main"]


def test_production_branch_protected_in_neon_stays_protected(neon: FakeNeon) -> None:
    """Adopting, refreshing and updating production never touches its Neon settings."""
    neon.edit_branch(PROJECT, "main", protected=True)
    provider = NeonBranchProvider()
    production = props(branch_name="main", parent_branch=None, expires_at=None, protected=None)

    created = provider.create(production)
    read = provider.read(created.id, {**production, **(created.outs or {})})
    olds = read.outs or {}
    diff = provider.diff(created.id, olds, production)
    provider.update(created.id, olds, production)

    assert olds["protected"] is True
    assert diff.changes is False
    assert neon.count("PATCH") == 0
    assert next(b for b in neon.branches(PROJECT) if b["name"] == "main")["protected"] is True


@pytest.mark.parametrize("name", ["prod", "staging"])
def test_production_branch_is_never_created(neon: FakeNeon, name: str) -> None:
    neon.add_branch(PROJECT, "staging")
    production = props(branch_name=name, parent_branch=None, expires_at=None)

    message = fails(neon, NeonBranchError, NeonBranchProvider().create, production)

    assert "only adopted, never created" in message
    assert neon.count("POST") == 0
    assert len(neon.requests) == 1


def test_protected_branch_is_never_deleted(neon: FakeNeon) -> None:
    branch_id = neon.add_branch(PROJECT, "staging", protected=True)
    staging = props(branch_name="staging", expires_at=None, protected=True)

    message = fails(neon, NeonBranchError, NeonBranchProvider().delete, branch_id, staging)

    assert "protected" in message
    assert neon.count("DELETE") == 0
    assert "staging" in neon.branch_names(PROJECT)


# Retries -----------------------------------------------------------------------------


def test_locked_project_423_is_retried(neon: FakeNeon) -> None:
    neon.inject("POST", r"/branches$", 423, times=2, message="project already has running ops")

    NeonBranchProvider().create(props())

    assert neon.count("POST") == 3
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]


def test_rate_limit_429_honours_retry_after(
    neon: FakeNeon, caplog: pytest.LogCaptureFixture
) -> None:
    neon.inject("GET", r"/branches$", 429, retry_after="1", message="rate limited")

    started = time.monotonic()
    NeonBranchProvider().create(props())

    assert time.monotonic() - started >= 1.0
    assert "HTTP 429" in caplog.text
    assert "retrying in 1.0 s" in caplog.text
    assert neon.count("GET", r"/branches$") == 2
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]


def test_5xx_on_a_read_is_retried(neon: FakeNeon) -> None:
    neon.inject("GET", r"/operations/", 503, times=2)

    NeonBranchProvider().create(props())

    assert neon.count("GET", r"/operations/") == 4
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]


def test_500_after_the_branch_was_made_converges(neon: FakeNeon) -> None:
    neon.inject("POST", r"/branches$", 500, after_effect=True, message="internal error")

    result = NeonBranchProvider().create(props())

    assert neon.branch_names(PROJECT) == ["main", PREVIEW]
    assert result.id == branch_id_of(neon)
    assert neon.count("POST") == 1
    assert neon.count("GET", r"/branches$") == 2


def test_lost_answer_after_the_branch_was_made_converges(
    neon: FakeNeon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEON_HTTP_TIMEOUT", "0.3")
    neon.inject("POST", r"/branches$", 500, after_effect=True, delay=0.6)

    result = NeonBranchProvider().create(props())

    assert neon.branch_names(PROJECT) == ["main", PREVIEW]
    assert result.id == branch_id_of(neon)
    assert neon.count("POST") == 1


def test_409_from_a_concurrent_create_adopts(neon: FakeNeon) -> None:
    neon.inject(
        "POST", r"/branches$", 409, after_effect=True, code="BRANCH_ALREADY_EXISTS", message="x"
    )

    NeonBranchProvider().create(props())

    assert neon.branch_names(PROJECT) == ["main", PREVIEW]
    assert neon.count("POST") == 1


def test_retries_are_bounded_in_attempts(neon: FakeNeon) -> None:
    neon.inject("GET", r"/branches$", 503, times=100, message="service unavailable")

    message = fails(neon, NeonUnavailableError, NeonBranchProvider().create, props())

    assert "gave up after 5 attempts" in message
    assert "HTTP 503" in message
    assert "service unavailable" in message
    assert len(neon.requests) == 5
    assert neon.branch_names(PROJECT) == ["main"]


def test_retries_are_bounded_in_time(neon: FakeNeon, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEON_RETRY_ATTEMPTS", "100")
    monkeypatch.setenv("NEON_RETRY_MAX_SECONDS", "0.5")
    neon.inject("GET", r"/branches$", 429, times=1000, retry_after="0.2")

    started = time.monotonic()
    fails(neon, NeonUnavailableError, NeonBranchProvider().create, props())

    assert time.monotonic() - started < 2
    assert 2 <= len(neon.requests) <= 4


def test_repeated_5xx_on_create_is_bounded_and_leaves_one_branch(neon: FakeNeon) -> None:
    neon.inject("POST", r"/branches$", 502, times=100, message="bad gateway")

    message = fails(neon, NeonUnavailableError, NeonBranchProvider().create, props())

    assert "gave up after 5 attempts" in message
    assert neon.count("POST") == 5
    assert neon.branch_names(PROJECT) == ["main"]


def test_connection_errors_are_retried_and_bounded(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NEON_API_KEY", DEFAULT_API_KEY)
    monkeypatch.setenv("NEON_API_HOST", "http://127.0.0.1:9/api/v2")
    monkeypatch.setenv("NEON_RETRY_ATTEMPTS", "3")
    monkeypatch.setenv("NEON_RETRY_BASE_SECONDS", "0.01")

    with pytest.raises(NeonUnavailableError) as raised:
        NeonBranchProvider().create(props())

    message = str(raised.value)
    assert "gave up after 3 attempts" in message
    assert "no answer from http://127.0.0.1:9/api/v2" in message
    assert DEFAULT_API_KEY not in message
    # Each retry line and the error name the request once, not once per layer.
    retries = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert len(retries) == 2
    for line in [*retries, message]:
        assert line.count("Neon API GET /projects/") == 1, line


# Operations --------------------------------------------------------------------------


def test_slow_operations_are_awaited(neon: FakeNeon) -> None:
    neon.operation_polls = 3

    NeonBranchProvider().create(props())

    assert neon.count("GET", r"/operations/") == 6
    assert neon.branches(PROJECT)[-1]["current_state"] == "ready"


def test_operations_that_never_finish_time_out_and_a_rerun_adopts(
    neon: FakeNeon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEON_OPERATION_TIMEOUT", "0.3")
    monkeypatch.setenv("NEON_OPERATION_POLL_SECONDS", "0.05")
    neon.operation_polls = 10**6

    message = fails(neon, NeonOperationError, NeonBranchProvider().create, props())

    assert "not finished within NEON_OPERATION_TIMEOUT=0.3 s" in message
    assert "create_timeline" in message
    assert neon.count("GET", r"/operations/") <= 2 * (0.3 / 0.05 + 2)
    for operation in neon.projects[PROJECT].operations.values():
        operation.polls_left = 1  # Neon finishes them at last
    neon.requests.clear()
    NeonBranchProvider().create(props())
    assert neon.count("POST") == 0
    assert neon.count("GET", r"/operations/") == 2  # the rerun waited for them, then adopted
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]


def test_adoption_waits_for_the_branchs_running_operations(neon: FakeNeon) -> None:
    """A rerun after a lost answer finds the branch still being made; Neon answers a change
    meanwhile with 423, so the provider waits for those operations first."""
    neon.add_branch(PROJECT, PREVIEW)
    neon.operation_polls = 3
    operation = neon.start_operation(PROJECT, PREVIEW)
    neon.add_branch(PROJECT, "preview/pr-8")
    other = neon.start_operation(PROJECT, "preview/pr-8")  # another branch's: not waited for

    NeonBranchProvider().create(props(expires_at="2026-12-05T10:00:00Z"))

    calls = [(c.method, c.path.split("/api/v2")[-1], c.status) for c in neon.requests]
    polls = [i for i, c in enumerate(calls) if c[1].endswith(f"/operations/{operation}")]
    patch = next(i for i, c in enumerate(calls) if c[0] == "PATCH")
    assert len(polls) == 3
    assert max(polls) < patch
    assert calls[patch][2] == 200
    assert not any(c[1].endswith(other) for c in calls)
    assert not any(c[2] == 423 for c in calls)
    assert neon.branches(PROJECT)[1]["expires_at"] == "2026-12-05T10:00:00Z"


def test_failed_operation_fails_clearly(neon: FakeNeon) -> None:
    neon.fail_operations("start_compute")

    message = fails(neon, NeonOperationError, NeonBranchProvider().create, props())

    assert "start_compute" in message
    assert "status failed" in message
    assert "compute failed to start" in message
    assert neon.count("POST") == 1


# Delete ------------------------------------------------------------------------------


def test_delete_of_a_branch_already_gone_is_success(neon: FakeNeon) -> None:
    branch_id = neon.add_branch(PROJECT, PREVIEW)
    neon.remove_branch(PROJECT, PREVIEW)

    NeonBranchProvider().delete(branch_id, props())

    assert [(c.method, c.status) for c in neon.requests] == [("GET", 200)]  # not listed: gone


def test_a_neon_error_leaves_the_provider_as_its_one_line(neon: FakeNeon) -> None:
    """Pulumi's dynamic-provider host sends the engine `traceback.format_exc()` of what a call
    raises: Neon's own line must end it, under the provider's frame alone, without the retries'
    and the HTTP client's frames or their chained causes."""
    neon.inject("GET", r"/branches$", 503, times=99)
    sent = ""
    try:
        NeonBranchProvider().create(props())
    except NeonError:
        sent = traceback.format_exc()

    lines = sent.strip().splitlines()
    assert lines[-1].startswith("components.neon_api.NeonUnavailableError: ")
    assert "Neon API GET /projects/proj-test-1/branches failed with HTTP 503" in lines[-1]
    # This test's frame (the host's, there), then the provider's entry point, and no other.
    frames = [line for line in lines if line.startswith("  File ")]
    assert len(frames) == 2, sent
    assert "components/neon_provider.py" in frames[1]
    assert "tenacity" not in sent
    assert "httpx" not in sent


def test_delete_answered_404_is_success(neon: FakeNeon) -> None:
    branch_id = neon.add_branch(PROJECT, PREVIEW)
    neon.inject("DELETE", r"/branches/", 404, message="branch not found")

    NeonBranchProvider().delete(branch_id, props())

    assert neon.count("DELETE") == 1
    assert len(neon.requests) == 2


def test_client_delete_answered_204_is_success(neon: FakeNeon) -> None:
    with NeonClient.from_env() as client:
        assert client.delete_branch(PROJECT, "br-gone-1") is False

    assert [(c.method, c.status) for c in neon.requests] == [("DELETE", 204)]


# Errors that must not be retried ----------------------------------------------------


def test_branch_limit_says_so_with_the_count_and_the_way_out(neon: FakeNeon) -> None:
    neon.projects[PROJECT].branch_limit = 3
    neon.add_branch(PROJECT, "preview/pr-1")
    neon.add_branch(PROJECT, "preview/pr-2")

    message = fails(neon, NeonBranchLimitError, NeonBranchProvider().create, props())

    assert "branch limit is reached (3 branches" in message
    assert "codex-infra reap" in message
    assert neon.count("POST") == 1
    assert len(neon.branches(PROJECT)) == 3


@pytest.mark.parametrize("status", [409, 422])
def test_a_limit_code_is_the_limit_whatever_the_status(neon: FakeNeon, status: int) -> None:
    """A 409 is otherwise a race to adopt from and retried: with a limit code it must not be."""
    neon.limit_status = status
    neon.projects[PROJECT].branch_limit = 1

    started = time.monotonic()
    message = fails(neon, NeonBranchLimitError, NeonBranchProvider().create, props())

    assert time.monotonic() - started < 1
    assert "branch limit is reached (1 branches; Neon says: branches limit exceeded)" in message
    assert neon.count("POST") == 1


def test_expiring_a_branch_with_children_says_which(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, PREVIEW)
    neon.add_branch(PROJECT, "debug-copy", parent=PREVIEW)

    message = fails(
        neon, NeonBranchError, NeonBranchProvider().create, props(expires_at="2026-12-05T10:00:00Z")
    )

    assert message.startswith(f"cannot set expires_at on Neon branch {PREVIEW!r}")
    assert "child branches (debug-copy); delete those first" in message
    assert neon.count("PATCH") == 0


def test_deleting_a_branch_with_children_says_which_and_deletes_nothing(neon: FakeNeon) -> None:
    branch_id = neon.add_branch(PROJECT, PREVIEW)
    neon.add_branch(PROJECT, "debug-copy", parent=PREVIEW)
    neon.add_branch(PROJECT, "another", parent=PREVIEW)

    message = fails(neon, NeonBranchError, NeonBranchProvider().delete, branch_id, props())

    assert "cannot delete" in message
    assert "child branches (another, debug-copy)" in message
    assert neon.count("DELETE") == 0
    assert sorted(neon.branch_names(PROJECT)) == ["another", "debug-copy", "main", PREVIEW]


def test_401_fails_at_once_naming_neon_api_key(
    neon: FakeNeon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEON_API_KEY", "wrong-key-abcdef")

    with pytest.raises(NeonAuthError) as raised:
        NeonBranchProvider().create(props())

    message = str(raised.value)
    assert "HTTP 401" in message
    assert "NEON_API_KEY" in message
    assert "wrong-key-abcdef" not in message
    assert len(neon.requests) == 1


def test_403_fails_at_once_naming_neon_api_key(neon: FakeNeon) -> None:
    neon.inject("POST", r"/branches$", 403, message="not allowed for this project")

    message = fails(neon, NeonAuthError, NeonBranchProvider().create, props())

    assert "HTTP 403 (not allowed for this project)" in message
    assert "NEON_API_KEY" in message
    assert neon.count("POST") == 1
    assert neon.branch_names(PROJECT) == ["main"]


def test_other_4xx_fails_at_once_with_neons_message(neon: FakeNeon) -> None:
    neon.inject("POST", r"/branches$", 400, code="BAD_REQUEST", message="name is too fancy")

    message = fails(neon, NeonHTTPError, NeonBranchProvider().create, props())

    assert message == (
        f"Neon API POST /projects/{PROJECT}/branches failed with HTTP 400:"
        " BAD_REQUEST: name is too fancy"
    )
    assert neon.count("POST") == 1
    assert neon.branch_names(PROJECT) == ["main"]


def test_unknown_database_fails_clearly(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, PREVIEW)

    message = fails(neon, NeonBranchError, NeonBranchProvider().create, props(database_name="x"))

    assert "no database 'x'" in message


def test_missing_key_fails_before_any_request(
    neon: FakeNeon, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEON_API_KEY")

    with pytest.raises(NeonConfigError, match="NEON_API_KEY is not set"):
        NeonBranchProvider().create(props())

    assert neon.requests == []


# Read, diff, update ------------------------------------------------------------------


def test_read_reports_live_state(neon: FakeNeon) -> None:
    provider = NeonBranchProvider()
    created = provider.create(props())
    neon.requests.clear()
    neon.edit_branch(PROJECT, PREVIEW, expires_at="2026-12-06T00:00:00+00:00")

    result = provider.read(created.id, {**props(), **(created.outs or {})})

    assert result.id == created.id
    assert result.outs == {**(created.outs or {}), "expires_at": "2026-12-06T00:00:00Z"}
    assert len(neon.requests) == 3


def test_read_of_a_branch_deleted_outside_pulumi_reports_it_gone(neon: FakeNeon) -> None:
    provider = NeonBranchProvider()
    created = provider.create(props())
    neon.remove_branch(PROJECT, PREVIEW)

    result = provider.read(created.id, {**props(), **(created.outs or {})})

    assert result.id is None
    assert result.outs == {}


@pytest.mark.parametrize(
    ("change", "replaces"),
    [
        ({"project_id": "proj-other"}, ["project_id"]),
        ({"parent_branch": "staging"}, ["parent_branch"]),
        ({"branch_name": "preview/pr-8"}, ["branch_name"]),
        ({"database_name": "other"}, ["database_name"]),
        ({"role_name": "other"}, ["role_name"]),
        ({"expires_at": "2026-12-05T22:00:00Z"}, []),
        ({"expires_at": None}, []),
        ({"protected": True, "expires_at": None}, []),
    ],
)
def test_diff(change: dict[str, Any], replaces: list[str]) -> None:
    result = NeonBranchProvider().diff("br-1", props(), props(**change))

    assert result.changes is True
    assert result.replaces == replaces
    renamed = "branch_name" in change or "project_id" in change
    assert result.delete_before_replace is (bool(replaces) and not renamed)


@pytest.mark.parametrize(
    "change",
    [
        {"__provider": "b3RoZXI="},
        {"expires_at": "2026-12-04T23:00:00+01:00"},
        {"host": "elsewhere"},
        dict.fromkeys(OUTPUT_KEYS),  # NeonBranch declares the outputs as None inputs
        {"protected": None},
    ],
)
def test_diff_ignores_the_provider_blob_and_equal_instants(change: dict[str, Any]) -> None:
    result = NeonBranchProvider().diff("br-1", props(), props(**change))

    assert result.changes is False
    assert result.replaces == []


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ttl", "moved", "changes"),
    [
        (timedelta(hours=168), timedelta(seconds=5), False),  # the drift check right after up
        (timedelta(hours=168), timedelta(minutes=59), False),
        (timedelta(hours=168), timedelta(minutes=61), True),  # slack: at most an hour
        (timedelta(hours=168), -timedelta(hours=2), True),  # a shorter TTL moves it back
        (timedelta(hours=1), timedelta(minutes=5), False),  # slack: a tenth of the TTL
        (timedelta(hours=1), timedelta(minutes=7), True),
    ],
)
def test_an_expiry_moves_beyond_its_slack_only(
    ttl: timedelta, moved: timedelta, changes: bool
) -> None:
    """A deploy computes expires_at from its clock: seconds later than the last one must not
    update the branch (and, through its connection strings, everything after it)."""
    wanted = NOW + ttl
    assert _expiry_moved(_iso(wanted - moved), _iso(wanted), NOW) is changes


@pytest.mark.parametrize(
    ("old", "new"), [(None, "2026-12-08T12:00:00Z"), ("2026-12-08T12:00:00Z", None)]
)
def test_setting_or_clearing_an_expiry_is_a_change(old: str | None, new: str | None) -> None:
    assert _expiry_moved(old, new, NOW) is True


def test_diff_compares_the_expiry_with_the_applied_one() -> None:
    """The old values are the state's outputs: what Neon was last given, not the last run's."""
    wanted = datetime.now(UTC) + timedelta(hours=168)
    applied = props(expires_at=_iso(wanted - timedelta(seconds=30)))

    assert (
        NeonBranchProvider().diff("br-1", applied, props(expires_at=_iso(wanted))).changes is False
    )
    later = props(expires_at=_iso(wanted + timedelta(hours=2)))
    assert NeonBranchProvider().diff("br-1", applied, later).changes is True


def test_update_patches_in_place(neon: FakeNeon) -> None:
    provider = NeonBranchProvider()
    created = provider.create(props())
    olds = {**props(), **(created.outs or {})}
    neon.requests.clear()

    result = provider.update(created.id, olds, props(expires_at=None))

    assert [c.method for c in neon.requests] == ["PATCH"]
    assert "expires_at" not in neon.branches(PROJECT)[-1]
    assert result.outs == {k: v for k, v in olds.items() if k != "__provider"} | {
        "expires_at": None
    }
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]


# check -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("news", "failing"),
    [
        (props(), []),
        (props(expires_at=UNKNOWN, branch_name=UNKNOWN), []),
        (props(expires_at="next week"), ["expires_at"]),
        (props(expires_at="2026-12-04T22:00:00"), ["expires_at"]),
        (props(parent_branch=None), ["expires_at"]),
        (props(protected=True), ["expires_at"]),
        (props(branch_name=""), ["branch_name"]),
        ({k: v for k, v in props().items() if k != "role_name"}, ["role_name"]),
    ],
)
def test_check(news: dict[str, Any], failing: list[str]) -> None:
    result = NeonBranchProvider().check({}, news)

    assert [f.property for f in result.failures] == failing
    assert result.inputs == news


# The provider as the engine sees it ---------------------------------------------------

_LOAD_AND_CREATE = """
import base64, json, sys
import dill
provider = dill.loads(base64.b64decode(sys.argv[1]))
result = provider.create(json.loads(sys.argv[2]))
print(json.dumps({"id": result.id, "outs": result.outs}))
"""


def test_serialized_provider_round_trips_without_credentials(neon: FakeNeon) -> None:
    blob = serialize_provider(NeonBranchProvider())

    assert len(blob) < 200, "the provider must pickle by reference"
    assert neon.api_key not in base64.b64decode(blob).decode("latin-1")
    env = {"PATH": "/usr/bin:/bin", **neon.env()}
    env.update(FAST_ENV)
    run = subprocess.run(
        [sys.executable, "-c", _LOAD_AND_CREATE, blob, json.dumps(props())],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["id"] == branch_id_of(neon)
    assert neon.api_key not in run.stdout + run.stderr


def test_every_error_type_is_a_neon_error() -> None:
    for error in (NeonBranchError, NeonBranchLimitError, NeonAuthError, NeonUnavailableError):
        assert issubclass(error, NeonError)


# The fake itself and the client's settings -------------------------------------------


def test_fake_records_what_the_spec_rejects(neon: FakeNeon) -> None:
    """Guards the guard: a contract breach on either side is caught, not served."""
    headers = {"Authorization": f"Bearer {neon.api_key}"}
    bad_body = {"branch": {"parent_id": "Not An Id", "expires_at": "tomorrow"}}
    answer = httpx.post(
        f"{neon.api_host}/projects/{PROJECT}/branches", json=bad_body, headers=headers
    )
    neon.edit_branch(PROJECT, "main", current_state=None)
    httpx.get(f"{neon.api_host}/projects/{PROJECT}/branches", headers=headers)

    assert answer.status_code == 400
    assert len(neon.violations) == 2
    assert neon.violations[0].startswith(f"request POST /projects/{PROJECT}/branches")
    assert neon.violations[1].startswith(f"response 200 to GET /projects/{PROJECT}")
    assert neon.branch_names(PROJECT) == ["main"]
    neon.violations.clear()
    neon.edit_branch(PROJECT, "main", current_state="ready")


def test_retry_after_as_an_http_date_is_honoured(neon: FakeNeon) -> None:
    neon.inject("GET", r"/branches$", 429, retry_after=format_datetime(datetime.now(UTC), True))

    NeonBranchProvider().create(props())

    assert neon.count("GET", r"/branches$") == 2


def test_settings_hide_the_key_and_reject_bad_numbers() -> None:
    settings = NeonSettings.from_env({"NEON_API_KEY": DEFAULT_API_KEY})

    assert DEFAULT_API_KEY not in repr(settings)
    assert settings.api_host == "https://console.neon.tech/api/v2"
    with pytest.raises(NeonConfigError, match="NEON_OPERATION_TIMEOUT must be a number"):
        NeonSettings.from_env({"NEON_API_KEY": "k", "NEON_OPERATION_TIMEOUT": "soon"})


def test_a_schema_only_preview_is_created_so_and_adopted_on_a_rerun(neon: FakeNeon) -> None:
    """Neon makes a schema-only branch a root branch (no parent kept): a re-run adopts it."""
    provider = NeonBranchProvider()
    created = provider.create(props(init_source="schema-only"))
    (post,) = [c for c in neon.requests if c.method == "POST" and c.path.endswith("/branches")]
    assert post.body["branch"]["init_source"] == "schema-only"
    (branch,) = [b for b in neon.branches(PROJECT) if b["name"] == PREVIEW]
    assert branch["init_source"] == "schema-only"
    assert "parent_id" not in branch
    again = provider.create(props(init_source="schema-only"))
    assert again.id == created.id
    assert provider.diff(
        created.id, {**props(), "init_source": None}, props(init_source="schema-only")
    ).replaces == ["init_source"]


# Endpoint settings, origin annotations, deletes for good ------------------------------

COMPUTE = {"min_cu": 0.25, "max_cu": 1.0, "suspend_timeout_seconds": 120}
ORIGIN = {"github-pr-number": "7", "github-commit-sha": "0123abc", "created-by": "codex-infra"}


def test_the_endpoint_settings_and_the_origin_reach_the_create_request(neon: FakeNeon) -> None:
    NeonBranchProvider().create(props(**COMPUTE, annotations=ORIGIN))

    (post,) = [c for c in neon.requests if c.method == "POST"]
    assert post.body["endpoints"] == [
        {
            "type": "read_write",
            "autoscaling_limit_min_cu": 0.25,
            "autoscaling_limit_max_cu": 1.0,
            "suspend_timeout_seconds": 120,
        }
    ]
    assert post.body["annotation_value"] == ORIGIN
    branch_id = branch_id_of(neon)
    (endpoint,) = [
        e for e in neon.projects[PROJECT].endpoints.values() if e["branch_id"] == branch_id
    ]
    assert (endpoint["autoscaling_limit_max_cu"], endpoint["suspend_timeout_seconds"]) == (1.0, 120)
    with NeonClient.from_env() as client:
        listed = client.request("GET", f"/projects/{PROJECT}/branches")
    assert listed["annotations"][branch_id]["value"] == ORIGIN


def test_without_settings_neon_keeps_its_defaults(neon: FakeNeon) -> None:
    NeonBranchProvider().create(props())
    (post,) = [c for c in neon.requests if c.method == "POST"]
    assert post.body["endpoints"] == [{"type": "read_write"}]
    assert "annotation_value" not in post.body


def test_changed_endpoint_settings_update_in_place(neon: FakeNeon) -> None:
    provider = NeonBranchProvider()
    created = provider.create(props(**COMPUTE, annotations=ORIGIN))
    olds = {**props(**COMPUTE, annotations=ORIGIN), **(created.outs or {})}
    news = props(**{**COMPUTE, "max_cu": 2.0}, annotations={"github-commit-sha": "later"})

    diff = provider.diff(created.id, olds, news)
    assert (diff.changes, diff.replaces) == (True, [])
    neon.requests.clear()
    result = provider.update(created.id, olds, news)

    assert [c.method for c in neon.requests] == ["PATCH", "GET"]  # the endpoint, its operation
    assert neon.requests[0].body == {"endpoint": {"autoscaling_limit_max_cu": 2.0}}
    assert (result.outs or {})["max_cu"] == 2.0
    assert (result.outs or {})["annotations"] == ORIGIN  # the record of origin stays


def test_the_origin_alone_is_no_change(neon: FakeNeon) -> None:
    diff = NeonBranchProvider().diff(
        "br-1", props(annotations=ORIGIN), props(annotations={"github-commit-sha": "later"})
    )
    assert diff.changes is False


def test_adoption_converges_the_endpoint_settings(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, PREVIEW, expires_at="2026-12-04T22:00:00Z")

    NeonBranchProvider().create(props(**COMPUTE))

    patches = [c for c in neon.requests if c.method == "PATCH"]
    assert [c.body for c in patches] == [
        {"endpoint": {"autoscaling_limit_max_cu": 1.0, "suspend_timeout_seconds": 120}}
    ]


def test_a_closed_and_reopened_pr_gets_its_branch_again(neon: FakeNeon) -> None:
    """Deletes are for good (hard_delete): a soft delete would keep the name taken."""
    provider = NeonBranchProvider()
    created = provider.create(props())
    provider.delete(created.id, {**props(), **(created.outs or {})})
    (delete,) = [c for c in neon.requests if c.method == "DELETE"]
    assert delete.query == {"hard_delete": "true"}

    again = provider.create(props())

    assert again.id != created.id
    assert neon.branch_names(PROJECT) == ["main", PREVIEW]


def test_a_name_held_by_a_soft_deleted_branch_fails_clearly_and_soon(neon: FakeNeon) -> None:
    neon.projects[PROJECT].held_names.add(PREVIEW)  # deleted in the console, kept for recovery

    message = fails(neon, NeonBranchError, NeonBranchProvider().create, props())

    assert "Neon says the name exists but lists no such branch" in message
    assert "hard_delete" in message
    assert neon.count("POST") == 1


def test_a_bad_neon_api_host_is_refused_before_any_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not 8 attempts over 19 s: nothing could ever answer."""
    monkeypatch.setenv("NEON_API_KEY", DEFAULT_API_KEY)
    monkeypatch.setenv("NEON_API_HOST", "not-a-url")
    started = time.monotonic()
    with pytest.raises(NeonConfigError) as raised:
        NeonBranchProvider().create(props())
    assert time.monotonic() - started < 1
    assert str(raised.value) == (
        "NEON_API_HOST must be an http(s) URL with a host, like https://api.example.com/v1"
    )
