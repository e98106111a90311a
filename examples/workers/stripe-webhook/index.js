// Example Stripe webhook Worker: verifies the Stripe-Signature header (v1, HMAC-SHA-256)
// against STRIPE_WEBHOOK_SECRET before trusting the event, then records it once (Stripe
// retries deliveries) in the environment's database.
import { database } from "../shared/database.js";

const encoder = new TextEncoder();
const TOLERANCE_SECONDS = 300;

async function hmacHex(secret, payload) {
  const key = await crypto.subtle.importKey(
    "raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(payload));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (request.method !== "POST") {
      return new Response("method not allowed", { status: 405 });
    }
    const header = request.headers.get("stripe-signature") ?? "";
    const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2)));
    const body = await request.text();
    const age = Math.abs(Date.now() / 1000 - Number(parts.t));
    const expected = await hmacHex(env.STRIPE_WEBHOOK_SECRET, `${parts.t}.${body}`);
    if (!parts.t || !(age <= TOLERANCE_SECONDS) || parts.v1 !== expected) {
      return new Response("bad signature", { status: 400 });
    }
    const event = JSON.parse(body);
    const sql = database(env);
    try {
      await sql`INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type})
                ON CONFLICT (id) DO NOTHING`;
    } finally {
      ctx.waitUntil(sql.end());
    }
    console.log(JSON.stringify({ environment: env.ENVIRONMENT, stripeEvent: event.type }));
    return new Response(null, { status: 204 });
  },
};
