"""Language knowledge as data: `lang/<code>/<file>.yaml`, the same files and keys in every language."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

HERE = Path(__file__).parent
SUPPORTED = tuple(sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_")))


@functools.lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict:
    """The mapping in `lang/<lang>/<name>.yaml` ({} when the language lacks the file)."""
    path = HERE / lang / f"{name}.yaml"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}
