"""The pages' HTML templates and their JavaScript and CSS, read as package data.

The graph page and the server's query page are Jinja2 templates (``templates/``) with their
script and style in files of their own (``static/``), so that each is read, linted and edited as
what it is. Every page is one self-contained document: scripts and styles are inlined, nothing is
loaded from elsewhere. Text from the store reaches a page only through HTML autoescaping or as
JSON in a data element (:func:`script_json`), never as markup or code.

>>> print(script_json({"label": "</script><b>"}))
{"label":"\\u003c/script\\u003e\\u003cb\\u003e"}
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

__all__ = ["render", "static_text", "inline", "script_json"]

_PACKAGE = __package__ or "dipgraph.graph"
_CLOSING = {"js": re.compile(r"</script|<!--", re.IGNORECASE), "css": re.compile(r"</style", re.IGNORECASE)}


def _read(folder: str, name: str) -> str:
    return files(_PACKAGE).joinpath(folder, name).read_text("utf-8")


@lru_cache(maxsize=16)
def static_text(name: str) -> str:
    """The text of a file in ``static/`` (``"graph.js"``, ``"query.css"``), read once."""
    return _read("static", name)


def inline(text: str, kind: str) -> Markup:
    """Script (``kind="js"``) or style (``"css"``) text, safe to put between its tags as it is.

    Raises ValueError for text that could end its element early; such text is never inlined.
    """
    if _CLOSING[kind].search(text):
        raise ValueError(f"this {kind} cannot be inlined: it could end its element")
    return Markup(text)


def script_json(obj) -> Markup:
    """JSON that cannot end or confuse the ``<script>`` element it sits in."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FunctionLoader(lambda name: _read("templates", name)), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["script_json"] = script_json
    return env


def render(template: str, **context) -> str:
    """A page from ``templates/`` filled with ``context`` (strings are HTML-escaped)."""
    return _environment().get_template(template).render(**context)
