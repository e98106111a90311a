"""Visual review: screenshots of an environment's pages, and what changed between two sets.

`snapshot.py` renders each page at each viewport (`browser.py`: the machine's own Chromium through
Playwright) into a folder with a manifest; `compare.py` compares two such folders (odiff's native
binary, installed from the lockfile in `js/`); `report.py` writes the HTML report and the Markdown
summary; `review.py` is `codex-infra visual`: both revisions on local replicas, snapshotted and
compared; `comment.py` renders the PR comment from a report nobody trusts. `model.py` holds what
they exchange.
"""
