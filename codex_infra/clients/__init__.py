"""One way to reach each provider: Cloudflare through its official SDK (`cloudflare`), Neon
(`neon`) and GitHub (`github`) through our own small clients over `http`. Each reads its
credentials and base URL from the environment in one place. Importing has no effects: the Neon
branch provider, pickled into Pulumi's state, imports `neon` in the engine's provider process."""
