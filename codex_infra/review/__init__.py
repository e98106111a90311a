"""Review without credentials: the offline plan shown (`plan`), two revisions compared (`diff`),
and the guardrails (`policies`) checked over it (`check`) or in a live preview (policy/)."""
