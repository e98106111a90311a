// The environment's database, through Hyperdrive when the Worker has its binding (the stack's
// codex:hyperdrive), else straight from DATABASE_URL. Shared by the SvelteKit app and the Workers.
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

// Runs `query(sql)` on a connection of its own, closed once the response is sent.
export async function withDatabase(env, ctx, query) {
  const sql = database(env);
  try {
    return await query(sql);
  } finally {
    ctx.waitUntil(sql.end());
  }
}

// Which database answers, and through which binding: what /healthz/db reports.
export const databaseHealth = (env, ctx) =>
  withDatabase(env, ctx, async (sql) => {
    const [row] = await sql`SELECT current_database() AS name`;
    return { ok: true, database: row.name, via: via(env) };
  });
