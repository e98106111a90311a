"""The engine: the program run against Pulumi's mock engine (`harness`), what it records
(`mock`), the stack's config as the engine would hand it over (`config`), and the offline plan
made of them (`plan`).

Nothing here imports `components`: `codex-infra diff` runs this package against another
revision's program, whose components may differ in everything but `__main__.py`'s contract.
That revision's components import `codex_infra.clients` and `codex_infra.errors` from the tree
running the diff: what they import from there keeps its names (a rename plans the base as
"no plan at base", every resource shown as added).
"""
