// Example web Worker (stands in for the SvelteKit build): static assets are served first,
// everything else reaches this module.
import { page } from "./lib/page.js";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") {
      return new Response("ok", { headers: { "content-type": "text/plain" } });
    }
    if (url.pathname.startsWith("/auth/")) {
      return env.AUTH.fetch(request);
    }
    return new Response(page(env.ENVIRONMENT, url.pathname), {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  },
};
