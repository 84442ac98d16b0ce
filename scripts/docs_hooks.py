"""MkDocs hooks for the documentation site (mkdocs.yml names this file).

- The README is the site's home page, `index.md`, so the front door is written once.
- A link to a file outside docs/ (an example, a test, SECURITY.md) points at the file in
  the repository on GitHub: the markdown keeps its relative links, which GitHub follows
  and tests/project/test_docs.py checks, and the site has no such files to link to.
  Links between pages, and to the README, stay within the site.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

REPOSITORY = "https://github.com/ministryofjustice/hmpps-non-associations-api-python"
ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    files.append(File.generated(config, "index.md", content=readme))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    source = "README.md" if page.file.src_uri == "index.md" else f"docs/{page.file.src_uri}"
    return LINK.sub(lambda match: f"]({site_target(match['target'], source)})", markdown)


def site_target(target: str, source: str) -> str:
    """Where a link in `source` (a path in the repository) goes on the site."""
    if re.match(r"^[a-z]+:", target) or target.startswith("#"):
        return target
    file, hash_sign, anchor = target.partition("#")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), file))
    if path == "README.md":
        page = "index.md"
    elif path.startswith("docs/") and path.endswith(".md"):
        page = path.removeprefix("docs/")
    else:
        kind = "tree" if (ROOT / path).is_dir() else "blob"
        return f"{REPOSITORY}/{kind}/main/{path}{hash_sign}{anchor}"
    return f"{page}{hash_sign}{anchor}"
