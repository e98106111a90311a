// Example Stripe webhook Worker: Stripe's own SDK checks the Stripe-Signature header (every v1
// signature, so a secret roll's two are both tried; timestamps older than five minutes refused)
// before the event is trusted, then records it once (Stripe retries deliveries) in the
// environment's database. Stripe counts any 2xx as delivered.
import { withDatabase } from "@codex-example/database";
import Stripe from "stripe";

const crypto = Stripe.createSubtleCryptoProvider();

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (request.method !== "POST") {
      return new Response("method not allowed", { status: 405 });
    }
    const stripe = new Stripe(env.STRIPE_SECRET_KEY);
    const body = await request.text();
    let event;
    try {
      event = await stripe.webhooks.constructEventAsync(
        body, request.headers.get("stripe-signature") ?? "", env.STRIPE_WEBHOOK_SECRET, undefined, crypto,
      );
    } catch (error) {
      return new Response(`bad signature: ${error.message}`, { status: 400 });
    }
    await withDatabase(env, ctx, (sql) =>
      sql`INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type})
          ON CONFLICT (id) DO NOTHING`,
    );
    console.log(JSON.stringify({ environment: env.ENVIRONMENT, stripeEvent: event.type }));
    return Response.json({ received: true });
  },
};
