// Example auth Worker: records each new session in the environment's database, then sets a
// cookie signed with SESSION_SECRET (HMAC-SHA-256). /healthz/db says which database answers, and
// through which binding.
import { databaseHealth, withDatabase } from "@codex-example/database";

const encoder = new TextEncoder();

async function sign(secret, value) {
  const key = await crypto.subtle.importKey(
    "raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname.endsWith("/healthz")) {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (url.pathname.endsWith("/healthz/db")) {
      return Response.json(await databaseHealth(env, ctx));
    }
    if (url.pathname.endsWith("/session") && request.method === "POST") {
      const id = crypto.randomUUID();
      await withDatabase(env, ctx, (sql) => sql`INSERT INTO sessions (id) VALUES (${id})`);
      const signature = await sign(env.SESSION_SECRET, id);
      return new Response(null, {
        status: 204,
        headers: { "set-cookie": `session=${id}.${signature}; Path=/; HttpOnly; Secure; SameSite=Lax` },
      });
    }
    return new Response("not found", { status: 404 });
  },
};
