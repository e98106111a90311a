// Example web Worker (stands in for the SvelteKit build): static assets are served first,
// everything else reaches this module. page.html is a Text module, as wrangler bundles it.
import template from "./page.html";

const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (url.pathname.startsWith("/auth/")) {
      return env.AUTH.fetch(request);
    }
    const body = template
      .replace("{{environment}}", escape(env.ENVIRONMENT))
      .replace("{{path}}", escape(url.pathname));
    return new Response(body, { status: 404, headers: { "content-type": "text/html; charset=utf-8" } });
  },
};
