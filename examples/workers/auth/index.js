// Example auth Worker: records each new session in the environment's database, then sets a
// cookie signed with SESSION_SECRET (HMAC-SHA-256).
import postgres from "postgres";

const encoder = new TextEncoder();

async function sign(secret, value) {
  const key = await crypto.subtle.importKey(
    "raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

// One connection per request: Workers cannot share sockets between requests. No prepared
// statements, so Neon's pooler (PgBouncer, transaction mode) works too.
const database = (env) => postgres(env.DATABASE_URL, { max: 1, prepare: false, fetch_types: false });

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname.endsWith("/healthz")) {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (url.pathname.endsWith("/session") && request.method === "POST") {
      const id = crypto.randomUUID();
      const sql = database(env);
      try {
        await sql`INSERT INTO sessions (id) VALUES (${id})`;
      } finally {
        ctx.waitUntil(sql.end());
      }
      const signature = await sign(env.SESSION_SECRET, id);
      return new Response(null, {
        status: 204,
        headers: { "set-cookie": `session=${id}.${signature}; Path=/; HttpOnly; Secure; SameSite=Lax` },
      });
    }
    return new Response("not found", { status: 404 });
  },
};
