import adapter from '@sveltejs/adapter-cloudflare';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit({
			compilerOptions: {
				// Force runes mode for the project, except for libraries. Can be removed in svelte 6.
				runes: ({ filename }) => filename.split(/[/\\]/).includes('node_modules') ? undefined : true
			},
			adapter: adapter(),
			// build.sh names the version after the sources, so the same sources build the same
			// bytes (SvelteKit's default, the build's clock, changes every file name).
			version: process.env.APP_VERSION ? { name: process.env.APP_VERSION } : undefined
		})
	]
});
