"""NeonBranchProvider against the real Neon API: creates, reads and deletes one branch.

Runs only with NEON_API_KEY and NEON_PROJECT_ID set (NEON_DATABASE and NEON_ROLE name
the database and its role, default neondb / neondb_owner). The branch expires in an hour,
so Neon removes it even if this test dies halfway.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from codex_infra.clients.neon import NeonClient
from components.neon_provider import NeonBranchProvider

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        not (os.environ.get("NEON_API_KEY") and os.environ.get("NEON_PROJECT_ID")),
        reason="needs NEON_API_KEY and NEON_PROJECT_ID",
    ),
]


def test_create_read_delete_a_real_branch() -> None:
    project_id = os.environ["NEON_PROJECT_ID"]
    with NeonClient.from_env() as neon:
        default = next(b for b in neon.list_branches(project_id) if b["default"])
    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    props = {
        "project_id": project_id,
        "branch_name": f"codex-infra-live-{uuid.uuid4().hex[:8]}",
        "parent_branch": default["name"],
        "database_name": os.environ.get("NEON_DATABASE", "neondb"),
        "role_name": os.environ.get("NEON_ROLE", "neondb_owner"),
        "expires_at": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "protected": False,
    }
    provider = NeonBranchProvider()

    created = provider.create(props)
    try:
        outs = created.outs or {}
        assert outs["database_url"].startswith(f"postgresql://{props['role_name']}:")
        assert f"@{outs['pooler_host']}/" in outs["database_url"]
        assert outs["direct_database_url"].endswith("?sslmode=require")
        assert provider.create(props).id == created.id  # a re-run adopts it
        assert provider.read(created.id, {**props, **outs}).id == created.id
    finally:
        provider.delete(created.id, {**props, **(created.outs or {})})

    assert provider.read(created.id, {**props, **(created.outs or {})}).id is None
