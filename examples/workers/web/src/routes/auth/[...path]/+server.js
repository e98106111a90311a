// Everything under /auth goes to the auth Worker through the AUTH service binding, as it came:
// its answer (and its Set-Cookie) comes back unchanged.
/** @type {import('./$types').RequestHandler} */
export function fallback({ request, platform }) {
	if (!platform) throw new Error('no platform: run the app in the Workers runtime');
	return platform.env.AUTH.fetch(request);
}
