"""How long `codex-infra refresh` takes for a database of about 100 MB, here.

Starts a PostgreSQL of the local environment's kind in a temporary directory, fills a source
with users (one masked column) and orders, and times a full copy, a masked copy and a
schema-only copy into a second database. Usage: `uv run python scripts/bench_refresh.py`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

from codex_infra.local.postgres import scratch_cluster

CLI = str(Path(sys.executable).parent / "codex-infra")
PASSWORD = "bench-password"  # noqa: S105 (a throwaway role of a throwaway server)
FILL = """
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, bio text);
INSERT INTO users SELECT i, 'person' || i || '@example.com', repeat(md5(i::text), 2)
  FROM generate_series(1, 290000) i;
CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users, note text);
INSERT INTO orders SELECT i, 1 + i % 290000, md5(i::text) FROM generate_series(1, 290000) i;
"""


def main() -> int:
    with scratch_cluster() as cluster:
        with cluster.connect() as conn:
            conn.execute(sql.SQL("CREATE ROLE app LOGIN CREATEDB PASSWORD {}").format(PASSWORD))
            for name in ("src", "dst"):
                conn.execute(sql.SQL("CREATE DATABASE {} OWNER app").format(sql.Identifier(name)))
        port = cluster.endpoint.port
        source, target = (
            f"postgresql://app:{PASSWORD}@127.0.0.1:{port}/{d}" for d in ("src", "dst")
        )
        with psycopg.connect(source, autocommit=True) as conn:
            conn.execute(FILL)
            size = conn.execute("SELECT pg_database_size('src')").fetchone()
        print(f"source: {int(size[0]) / 1e6:.0f} MB" if size else "source: ?")
        masks = cluster.home / "mask.yaml"
        masks.write_text("users.email: email\nusers.bio: hash\n")
        env = os.environ | {"REFRESH_FROM": source, "REFRESH_TO": target, "CODEX_MASK_KEY": "k"}
        for label, args in (
            ("full copy", []),
            ("masked copy", ["--mask", str(masks)]),
            ("schema only", ["--schema-only"]),
        ):
            start = time.perf_counter()
            subprocess.run(
                [CLI, "refresh", "--yes", *args], env=env, check=True, capture_output=True
            )
            print(f"{label}: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
