// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
declare global {
	namespace App {
		interface Platform {
			// `wrangler types` knows the ASSETS binding only: the rest are the stack's (codex-infra).
			env: Env & {
				ENVIRONMENT: string;
				AUTH: Fetcher;
				DATABASE_URL: string;
				HYPERDRIVE?: Hyperdrive;
			};
			ctx: ExecutionContext;
			caches: CacheStorage;
			cf?: IncomingRequestCfProperties;
		}

		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
	}
}

export {};
