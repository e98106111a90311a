// Built once, at `vite build`, and served as a static asset: no Worker runs for it.
export const prerender = true;
