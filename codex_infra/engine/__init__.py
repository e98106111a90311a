"""The engine: the program run against Pulumi's mock engine (`mock`), the stack's config as the
engine would hand it over (`config`), and the offline plan made of the two (`plan`).

Nothing here imports `components`: `codex-infra diff` runs this package against another
revision's program, whose components may differ in everything but `__main__.py`'s contract.
"""
