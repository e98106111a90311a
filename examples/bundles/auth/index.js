// Example auth Worker: signs a session cookie value with SESSION_SECRET (HMAC-SHA-256).
const encoder = new TextEncoder();

async function sign(secret, value) {
  const key = await crypto.subtle.importKey(
    "raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(value));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname.endsWith("/healthz")) {
      return new Response("ok");
    }
    if (url.pathname.endsWith("/session") && request.method === "POST") {
      const id = crypto.randomUUID();
      const signature = await sign(env.SESSION_SECRET, id);
      return new Response(null, {
        status: 204,
        headers: { "set-cookie": `session=${id}.${signature}; Path=/; HttpOnly; Secure; SameSite=Lax` },
      });
    }
    return new Response("not found", { status: 404 });
  },
};
