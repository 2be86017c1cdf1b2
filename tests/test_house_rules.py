"""Guards for the house rules in docs/architecture.md.

Each rule is a plain function over source text or files, so it is tested twice:
once on the project (it must find nothing) and once on a bad sample (it must
find the fault; a rule that cannot fail guards nothing).
"""

from __future__ import annotations

import ast
import subprocess
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 600
MEASURED_SUFFIXES = {".py", ".html", ".js", ".css"}
UNMEASURED_PARTS = {"migrations", "locale", "vendor"}
NOT_OURS = {".git", ".venv", "node_modules", "staticfiles", "__pycache__"}
LAYERS_ACTIONS_MAY_NOT_IMPORT = ("forms", "views")


def pure_modules(pyproject: str) -> list[str]:
    """The pure modules: the mypy override that holds them to strict typing."""
    overrides = tomllib.loads(pyproject)["tool"]["mypy"]["overrides"]
    strict = [entry for entry in overrides if entry.get("disallow_untyped_defs")]
    return [module for entry in strict for module in entry["module"]]


def imports_of(source: str, module: str) -> set[str]:
    """Every module `source` (the text of `module`) may import, relative ones resolved.

    `from a import b` yields both `a` and `a.b`, since `b` may be a module.
    """
    package = module.rsplit(".", 1)[0] if "." in module else ""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base_parts = package.split(".") if node.level else []
            if node.level > 1:
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
            base = ".".join(part for part in [*base_parts, node.module or ""] if part)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def own_source(module: str, root: Path = ROOT) -> str | None:
    """The text of one of our own modules, or None for anything else."""
    path = root.joinpath(*module.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file() and ".venv" not in candidate.parts:
            return candidate.read_text()
    return None


def django_import_chain(
    module: str, read: Callable[[str], str | None] = own_source
) -> list[str] | None:
    """How `module` reaches Django through our own modules (the chain), or None if it does not."""
    seen = {module}
    queue: list[list[str]] = [[module]]
    while queue:
        chain = queue.pop(0)
        source = read(chain[-1])
        if source is None:
            continue
        for imported in sorted(imports_of(source, chain[-1])):
            if imported == "django" or imported.startswith("django."):
                return [*chain, imported]
            if imported not in seen and read(imported) is not None:
                seen.add(imported)
                queue.append([*chain, imported])
    return None


def measured_files(root: Path = ROOT) -> list[Path]:
    """The project's own modules: .py, .html, .js and .css outside migrations, locale and
    vendored files (git's list of files; without git, the tree minus what is not ours)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],  # noqa: S607
        cwd=root,
        capture_output=True,
        text=True,
    )
    if listed.returncode == 0:
        names = listed.stdout.splitlines()
    else:
        names = [
            str(path.relative_to(root))
            for path in root.rglob("*")
            if not NOT_OURS.intersection(path.relative_to(root).parts)
        ]
    return [
        root / name
        for name in names
        if Path(name).suffix in MEASURED_SUFFIXES
        and not UNMEASURED_PARTS.intersection(Path(name).parts)
        and (root / name).is_file()
    ]


def too_long(files: Iterable[Path]) -> list[tuple[Path, int]]:
    counted = ((path, len(path.read_text().splitlines())) for path in files)
    return [(path, lines) for path, lines in counted if lines > MAX_LINES]


def layer_imports(source: str, module: str) -> list[str]:
    """The forms or views modules an actions module imports (Django's own included)."""
    found = set()
    for imported in imports_of(source, module):
        parts = imported.split(".")
        for depth, part in enumerate(parts):
            if part in LAYERS_ACTIONS_MAY_NOT_IMPORT or part.endswith("_views"):
                found.add(".".join(parts[: depth + 1]))
                break
    return sorted(found)


def actions_modules(root: Path = ROOT) -> list[Path]:
    return [
        path
        for path in measured_files(root)
        if path.suffix == ".py" and (path.name == "actions.py" or "actions" in path.parts[-2:-1])
    ]


def module_name(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


# The rules on the project


def test_the_pure_modules_list_is_read_from_pyproject():
    modules = pure_modules((ROOT / "pyproject.toml").read_text())
    assert "bookings.slots" in modules
    assert "assessments.scoring" in modules
    missing = [module for module in modules if own_source(module) is None]
    assert missing == [], f"listed as pure in pyproject.toml but not found: {missing}"


def test_pure_modules_import_nothing_from_django():
    modules = pure_modules((ROOT / "pyproject.toml").read_text())
    chains = {module: django_import_chain(module) for module in modules}
    offending = {module: " -> ".join(chain) for module, chain in chains.items() if chain}
    assert offending == {}, f"pure modules that reach Django: {offending}"


def test_no_module_passes_600_lines():
    files = measured_files()
    assert len(files) > 100  # the listing works
    long = [(str(path.relative_to(ROOT)), lines) for path, lines in too_long(files)]
    assert long == [], f"split these by sub-domain (over {MAX_LINES} lines): {long}"


def test_actions_import_no_forms_or_views():
    modules = actions_modules()
    assert any(path.parent.name == "bookings" for path in modules)
    offending = {
        module_name(path): found
        for path in modules
        if (found := layer_imports(path.read_text(), module_name(path)))
    }
    assert offending == {}, f"actions take cleaned values, never forms or requests: {offending}"


# Each rule on a bad sample: it can fail


def test_the_pure_rule_catches_a_direct_django_import():
    sources = {"app.rules": "from django.utils import timezone\n"}
    assert django_import_chain("app.rules", sources.get) == ["app.rules", "django.utils"]


def test_the_pure_rule_catches_django_reached_through_our_own_modules():
    sources = {
        "app.rules": "from . import helpers\n",
        "app.helpers": "import json\nfrom app.models import Thing\n",
        "app.models": "from django.db import models\n",
    }
    assert django_import_chain("app.rules", sources.get) == [
        "app.rules",
        "app.helpers",
        "app.models",
        "django.db",
    ]
    assert django_import_chain("app.helpers", {"app.helpers": "import json\n"}.get) is None


def test_the_pure_rule_reads_the_strict_override_only():
    pyproject = """
[[tool.mypy.overrides]]
module = ["app.loose"]
ignore_errors = true

[[tool.mypy.overrides]]
module = ["app.rules", "app.scoring"]
disallow_untyped_defs = true
"""
    assert pure_modules(pyproject) == ["app.rules", "app.scoring"]


def test_the_length_rule_without_git_leaves_out_what_is_not_ours(tmp_path):
    for name in [".venv/lib/big.py", "node_modules/axe.js", "app/vendor/htmx.js", "app/a.css"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    assert measured_files(tmp_path) == [tmp_path / "app/a.css"]


def test_the_length_rule_catches_a_long_module(tmp_path):
    short, long = tmp_path / "short.py", tmp_path / "long.html"
    short.write_text("x = 1\n" * MAX_LINES)
    long.write_text("<p></p>\n" * (MAX_LINES + 1))
    assert too_long([short, long]) == [(long, MAX_LINES + 1)]


def test_the_length_rule_leaves_out_migrations_locale_and_vendor(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)  # noqa: S607
    for name in ["app/migrations/0001.py", "app/locale/x.js", "app/static/vendor/htmx.js"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    (tmp_path / "app/views.py").write_text("")
    assert measured_files(tmp_path) == [tmp_path / "app/views.py"]


def test_the_layer_rule_catches_forms_and_views_in_actions():
    bad = (
        "from django.forms import BaseInlineFormSet\n"
        "from bookings.forms import SlotForm\n"
        "from . import staff_views\n"
        "from practices import views\n"
        "from bookings.models import Appointment\n"
        "from bookings import slots\n"
    )
    assert layer_imports(bad, "bookings.actions") == [
        "bookings.forms",
        "bookings.staff_views",
        "django.forms",
        "practices.views",
    ]
    assert layer_imports("from bookings import slots, tasks\n", "bookings.actions") == []
