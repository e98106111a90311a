-- What the example Workers write: the auth Worker's sessions, the webhook's Stripe events.
CREATE TABLE IF NOT EXISTS sessions (
    id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS stripe_events (
    id text PRIMARY KEY,
    type text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
