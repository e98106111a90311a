// The environment's database, through Hyperdrive when the Worker has its binding (the stack's
// codex:hyperdrive), else straight from DATABASE_URL.
import postgres from "postgres";

export const via = (env) => (env.HYPERDRIVE ? "HYPERDRIVE" : "DATABASE_URL");

// One connection per request: Workers cannot share sockets between requests. No prepared
// statements, so Neon's pooler (PgBouncer, transaction mode) works too.
export const database = (env) =>
  postgres(env.HYPERDRIVE?.connectionString ?? env.DATABASE_URL, {
    max: 1,
    prepare: false,
    fetch_types: false,
  });
