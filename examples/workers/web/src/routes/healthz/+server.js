import { json } from '@sveltejs/kit';

// What CI's smoke check and the end-to-end contract ask each Worker: alive, and in which
// environment (the stack's ENVIRONMENT binding).
/** @type {import('./$types').RequestHandler} */
export function GET({ platform }) {
	return json({ ok: true, environment: platform?.env.ENVIRONMENT });
}
