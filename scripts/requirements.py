"""Print the dependencies pinned in pyproject.toml, one per line, for pip -r.

`python scripts/requirements.py` gives the run-time set; `--extra test` adds the
test tools. constraints.txt pins everything they pull in.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
requirements = list(project["project"]["dependencies"])
if "--extra" in sys.argv:
    extra = sys.argv[sys.argv.index("--extra") + 1]
    requirements += project["project"]["optional-dependencies"][extra]
print("\n".join(requirements))
