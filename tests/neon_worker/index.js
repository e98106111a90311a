// A Worker on Neon's serverless driver, written as a Neon user writes one, with nothing in it that
// knows it runs locally. It keeps the auth Worker's contract (healthz, a signed session per POST,
// stored through drizzle-orm) so the platform's end-to-end suite runs against it, and answers
// /neon/* with what each form of the driver returned, for tests/test_local_neon.py.
import { Client, Pool, neon, neonConfig } from "@neondatabase/serverless";
import { eq, sql as raw } from "drizzle-orm";
import { drizzle as overHttp } from "drizzle-orm/neon-http";
import { drizzle as overSocket } from "drizzle-orm/neon-serverless";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import pg from "pg";

const sessions = pgTable("sessions", {
  id: uuid("id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

const TYPES =
  "SELECT $1::int4 AS int4, $2::int8 AS int8, $3::numeric AS numeric, $4::text AS text, " +
  "$5::timestamptz AS timestamptz, $6::date AS date, $7::json AS json, $8::jsonb AS jsonb, " +
  "$9::text[] AS text_array, $10::int4[] AS int_array, $11::bool AS bool, $12::bytea AS bytea, " +
  "$13::uuid AS uuid, $14::text AS nothing";
const TYPE_VALUES = [
  42, "9007199254740993", "12345678901234567890.123456789", "naïve \"quoted\" 'text' \\ ✓",
  new Date("2026-12-01T10:20:30.456Z"), "2026-12-02", { a: [1, "two", null] }, { b: true, n: 1.5 },
  ["a", null, 'b"c', "d,e", "", "NULL"], [1, null, 3], true, new Uint8Array([0, 1, 254, 255]),
  "b3a7c2de-8d4f-4a51-9d1b-2c0e8f5a6b71", null,
];

const encoder = new TextEncoder();

async function sign(secret, value) {
  const key = await crypto.subtle.importKey(
    "raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

/** A value as JSON shows it, with its JavaScript type: what the driver made of PostgreSQL's text. */
function shown(value) {
  if (value instanceof Date) return { type: "Date", value: value.toISOString() };
  if (value instanceof Uint8Array) return { type: "bytes", value: [...value] };
  return { type: value === null ? "null" : Array.isArray(value) ? "array" : typeof value, value };
}

const failure = (error) => ({
  name: error.name,
  code: error.code ?? null,
  severity: error.severity ?? null,
  message: error.message,
});

async function caught(promise) {
  try {
    await promise;
    return null;
  } catch (error) {
    return failure(error);
  }
}

function withPassword(url, password) {
  const wrong = new URL(url);
  wrong.password = password;
  return wrong.href;
}

const countSessions = async (sql, id) => (await sql`SELECT count(*)::int AS n FROM sessions WHERE id = ${id}`)[0].n;

const routes = {
  async "/neon/http"(env) {
    const sql = neon(env.DATABASE_URL);
    const full = await sql.query("SELECT n FROM generate_series(1, 3) AS n", [], { fullResults: true });
    const both = await neon(env.DATABASE_URL, { arrayMode: true, fullResults: true })`SELECT 'x' AS x, 2 AS y`;
    return {
      tagged: await sql`SELECT ${41}::int + 1 AS answer, ${"it's"}::text AS quote`,
      query: await sql.query("SELECT $1::text || $2::text AS joined", ["a", "b"]),
      arrayMode: await sql.query("SELECT 1 AS a, 2 AS b", [], { arrayMode: true }),
      composed: await sql`SELECT * FROM (${sql`SELECT ${5}::int AS five`}) AS inner_query`,
      fullResults: { command: full.command, rowCount: full.rowCount, fields: full.fields.map((f) => f.name), rows: full.rows },
      both: { rowAsArray: both.rowAsArray, rows: both.rows, fields: both.fields.map((f) => f.dataTypeID) },
    };
  },

  async "/neon/transaction"(env, params) {
    const sql = neon(env.DATABASE_URL);
    const options = {};
    if (params.has("isolation")) options.isolationLevel = params.get("isolation");
    if (params.has("readOnly")) options.readOnly = params.get("readOnly") === "true";
    if (params.has("deferrable")) options.deferrable = params.get("deferrable") === "true";
    const setting = (name) => sql`SELECT current_setting(${name}) AS value`;
    const results = await sql.transaction(
      [setting("transaction_isolation"), setting("transaction_read_only"), setting("transaction_deferrable")],
      options,
    );
    const [isolation, readOnly, deferrable] = results.map(([row]) => row.value);
    return { isolation, readOnly, deferrable };
  },

  async "/neon/transaction/write"(env) {
    const sql = neon(env.DATABASE_URL);
    const id = crypto.randomUUID();
    const results = await sql.transaction(
      (tx) => [tx`INSERT INTO sessions (id) VALUES (${id})`, tx`SELECT count(*)::int AS n FROM sessions WHERE id = ${id}`],
      { fullResults: true },
    );
    return { id, commands: results.map((r) => r.command), counted: results[1].rows[0].n };
  },

  async "/neon/client"(env, params, ctx) {
    const client = new Client(env.DATABASE_URL);
    if (params.get("pipeline") === "off") client.neonConfig.pipelineConnect = false;
    await client.connect();
    try {
      const id = crypto.randomUUID();
      await client.query("BEGIN");
      await client.query("INSERT INTO sessions (id) VALUES ($1)", [id]);
      const { rows } = await client.query("SELECT count(*)::int AS n FROM sessions WHERE id = $1", [id]);
      await client.query("COMMIT");
      const { rows: [who] } = await client.query("SELECT current_user AS role, current_database() AS database");
      return { id, counted: rows[0].n, ...who };
    } finally {
      ctx.waitUntil(client.end());
    }
  },

  async "/neon/pool"(env, params, ctx) {
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    try {
      const id = crypto.randomUUID();
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("INSERT INTO sessions (id) VALUES ($1)", [id]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM sessions WHERE id = $1", [id]);
      return { id, counted: rows[0].n };
    } finally {
      ctx.waitUntil(pool.end());
    }
  },

  async "/neon/pool-via-fetch"(env, params, ctx) {
    const fetched = [];
    neonConfig.poolQueryViaFetch = true;
    neonConfig.fetchFunction = (url, init) => {
      fetched.push(String(url));
      return fetch(url, init);
    };
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    try {
      const { rows, command } = await pool.query("SELECT $1::int * 2 AS doubled", [21]);
      return { rows, command, fetched };
    } finally {
      neonConfig.poolQueryViaFetch = false;
      neonConfig.fetchFunction = undefined;
      ctx.waitUntil(pool.end());
    }
  },

  async "/neon/drizzle"(env, params, ctx) {
    const http = overHttp(neon(env.DATABASE_URL));
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    const socket = overSocket(pool);
    try {
      const id = crypto.randomUUID();
      const email = `${id}@example.com`;
      await http.insert(users).values({ id, email });
      const [viaHttp] = await http.select({ email: users.email }).from(users).where(eq(users.id, id));
      const viaSocket = await socket.transaction(async (tx) => {
        await tx.update(users).set({ email: `renamed-${email}` }).where(eq(users.id, id));
        return tx.select({ email: users.email }).from(users).where(eq(users.id, id));
      });
      const [[counted], deleted] = await http.batch([
        http.select({ n: raw`count(*)::int` }).from(users).where(eq(users.id, id)),
        http.delete(users).where(eq(users.id, id)).returning({ id: users.id }),
      ]);
      return { id, viaHttp: viaHttp.email, viaSocket: viaSocket[0].email, counted: counted.n, deleted };
    } finally {
      ctx.waitUntil(pool.end());
    }
  },

  async "/neon/types"(env, params, ctx) {
    let row;
    if (params.get("via") === "socket") {
      const pool = new Pool({ connectionString: env.DATABASE_URL });
      try {
        [row] = (await pool.query(TYPES, TYPE_VALUES)).rows;
      } finally {
        ctx.waitUntil(pool.end());
      }
    } else {
      [row] = await neon(env.DATABASE_URL).query(TYPES, TYPE_VALUES);
    }
    return Object.fromEntries(Object.entries(row).map(([name, value]) => [name, shown(value)]));
  },

  async "/neon/error"(env, params, ctx) {
    const overSockets = params.get("via") === "socket";
    const kind = params.get("case");
    const sql = neon(env.DATABASE_URL);
    if (kind === "password") {
      const url = withPassword(env.DATABASE_URL, "not-the-password");
      if (!overSockets) return { error: await caught(neon(url)`SELECT 1`) };
      const client = new Client(url); // the driver sends the password with its first query
      const error = await caught(client.connect().then(() => client.query("SELECT 1")));
      ctx.waitUntil(client.end().catch(() => {}));
      return { error };
    }
    if (kind === "query" && !overSockets) return { error: await caught(sql`SELECT 1`) };
    if (kind === "query") {
      const client = new Client(env.DATABASE_URL);
      const error = await caught(client.connect().then(() => client.query("SELECT 1")));
      ctx.waitUntil(client.end().catch(() => {}));
      return { error };
    }
    if (kind === "table" && !overSockets) return { error: await caught(sql`SELECT * FROM no_such_table`) };
    if (kind === "size") return { error: await caught(sql`SELECT repeat('x', 1048576) FROM generate_series(1, 12)`) };
    if (kind === "slow") return { error: await caught(sql`SELECT pg_sleep(${Number(params.get("seconds"))})`) };
    const id = crypto.randomUUID();
    if (kind === "transaction" && !overSockets) {
      const error = await caught(sql.transaction([sql`INSERT INTO sessions (id) VALUES (${id})`, sql`SELECT 1 / 0`]));
      return { error, committed: await countSessions(sql, id) };
    }
    const client = new Client(env.DATABASE_URL);
    await client.connect();
    try {
      if (kind === "table") return { error: await caught(client.query("SELECT * FROM no_such_table")) };
      await client.query("BEGIN");
      await client.query("INSERT INTO sessions (id) VALUES ($1)", [id]);
      const error = await caught(client.query("SELECT 1 / 0"));
      await client.query("ROLLBACK");
      return { error, committed: await countSessions(sql, id) };
    } finally {
      ctx.waitUntil(client.end());
    }
  },

  /** One request of the load benchmark (scripts/bench_neon.py): an HTTP query, an HTTP
   * transaction, or a transaction on a pooled WebSocket connection. */
  async "/neon/load"(env, params, ctx) {
    const sql = neon(env.DATABASE_URL);
    const kind = params.get("kind");
    if (kind === "http") return { rows: await sql`SELECT 1 AS one` };
    if (kind === "transaction") return { results: await sql.transaction([sql`SELECT 1 AS one`, sql`SELECT 2 AS two`]) };
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    try {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query("SELECT 3 AS three");
        await client.query("COMMIT");
        return { rows };
      } finally {
        client.release();
      }
    } finally {
      ctx.waitUntil(pool.end());
    }
  },

  /** A Client the request never ends: its PostgreSQL session must end with the request. */
  async "/neon/abandoned"(env) {
    const client = new Client(env.DATABASE_URL);
    await client.connect();
    const { rows } = await client.query("SELECT pg_backend_pid() AS pid");
    return { pid: rows[0].pid };
  },

  /** Neon's HTTP API without the driver, as curl users call it: POST https://<host>/sql with the
   * connection string in a header; `request` gives the method, the other headers and the body. */
  async "/neon/api"(env, params, ctx, request) {
    const { method = "POST", headers = {}, body } = await request.json();
    const response = await fetch(`https://${new URL(env.DATABASE_URL).hostname}/sql`, {
      method,
      headers: { "Neon-Connection-String": env.DATABASE_URL, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), body: text ? JSON.parse(text) : null };
  },

  /** Any other outbound request leaves as it would without the local Neon endpoint. */
  async "/outbound"(env, params) {
    const response = await fetch(params.get("url"));
    return { status: response.status, body: await response.text() };
  },

  /** node-postgres beside the driver: TCP through cloudflare:sockets, as before. */
  async "/pg"(env, params, ctx) {
    const client = new pg.Client(env.DATABASE_URL);
    await client.connect();
    try {
      const { rows } = await client.query("SELECT current_database() AS database, inet_server_addr()::text AS address");
      return rows[0];
    } finally {
      ctx.waitUntil(client.end());
    }
  },
};

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname.endsWith("/healthz")) {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (url.pathname.endsWith("/healthz/db")) {
      const [row] = await neon(env.DATABASE_URL)`SELECT current_database() AS name`;
      return Response.json({ ok: true, database: row.name, via: "neon" });
    }
    if (url.pathname.endsWith("/session") && request.method === "POST") {
      const id = crypto.randomUUID();
      await overHttp(neon(env.DATABASE_URL)).insert(sessions).values({ id });
      const signature = await sign(env.SESSION_SECRET, id);
      return new Response(null, {
        status: 204,
        headers: { "set-cookie": `session=${id}.${signature}; Path=/; HttpOnly; Secure; SameSite=Lax` },
      });
    }
    const route = routes[url.pathname];
    if (route === undefined) return new Response("not found", { status: 404 });
    return Response.json(await route(env, url.searchParams, ctx, request));
  },
};
