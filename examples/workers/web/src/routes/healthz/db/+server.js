import { json } from '@sveltejs/kit';
import { databaseHealth } from '@codex-example/database';

// Reads the stack's database from a server route: which database answers, and through which
// binding (HYPERDRIVE when the stack has it, else DATABASE_URL).
/** @type {import('./$types').RequestHandler} */
export async function GET({ platform }) {
	if (!platform) throw new Error('no platform: run the app in the Workers runtime');
	return json(await databaseHealth(platform.env, platform.ctx));
}
