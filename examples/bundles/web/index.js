var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// index.js
import template from "./9da0deb52a783d02b5395b7bf56452a7216058ce-page.html";
var escape = /* @__PURE__ */ __name((text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`), "escape");
var index_default = {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") {
      return Response.json({ ok: true, environment: env.ENVIRONMENT });
    }
    if (url.pathname.startsWith("/auth/")) {
      return env.AUTH.fetch(request);
    }
    const body = template.replace("{{environment}}", escape(env.ENVIRONMENT)).replace("{{path}}", escape(url.pathname));
    return new Response(body, { status: 404, headers: { "content-type": "text/html; charset=utf-8" } });
  }
};
export {
  index_default as default
};
//# sourceMappingURL=index.js.map
