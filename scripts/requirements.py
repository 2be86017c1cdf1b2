"""Print the dependencies pinned in pyproject.toml, one per line, for pip -r.

`python scripts/requirements.py` gives the run-time set; `--extra test` adds the
test tools, `--extra dev` the developer tools (repeat `--extra` for several).
constraints.txt pins everything they pull in.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
requirements = list(project["project"]["dependencies"])
extras = [value for flag, value in zip(sys.argv, sys.argv[1:], strict=False) if flag == "--extra"]
for extra in extras:
    requirements += project["project"]["optional-dependencies"][extra]
print("\n".join(requirements))
