"""The operations commands, one module each: `reap`, `import` (importer), `capacity`, `rollback`,
`refresh`, `reset` and `stale-lock`. Each is a pure core over injected services (the clients in
`codex_infra.clients`, the Pulumi CLI, databases), and a click command that wires the real ones."""
