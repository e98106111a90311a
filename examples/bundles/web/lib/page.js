const escape = (text) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(environment, path) {
  return `<!doctype html><title>codex (${escape(environment)})</title><p>No page at ${escape(path)}.</p>`;
}
