"""`codex-infra local`: a stack's environment on this machine, on real components.

The program runs through the engine with a local answer for each resource type (`cloud.py`); what
it registers becomes a PostgreSQL database per branch (`postgres.py`) and Cloudflare's Workers
runtime through miniflare (`workers.py`, JavaScript side in `js/`). `environment.py` brings a
stack up and down; `state.py` is what outlives a command.
"""
