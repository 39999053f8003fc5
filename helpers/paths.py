"""Where things live. Paths are resolved from the project root, never from the caller's working directory."""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
BENCHMARKS_FILE = DATA_DIR / "benchmarks.csv"  # published reference figures (see helpers/benchmarks.py)
DEMO_DIR = DATA_DIR / "demo"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
DEFAULT_ROSTER = DATA_DIR / "clients.yml"


def resolve(path: str | Path, base: Path = PROJECT_ROOT) -> Path:
    """An absolute path: `path` itself when absolute (after ~ expansion), else relative to `base`."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (base / p)


def display_path(path: str | Path) -> str:
    """A path as a user should see it in a message: relative to the folder the command runs in when inside
    it (the project root, usually), the full path otherwise, so that it can be opened from there."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p.resolve()) if p.is_absolute() or p.exists() else str(p)
