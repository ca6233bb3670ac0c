"""Plain text tables for a terminal or a pipe, drawn by rich: a header, a rule of dashes, the rows.

Cells are text, never markup (a label such as "[bold]" prints as it is), each on one line (control
characters, line breaks included, shown escaped, as ``\\n`` or ``\\x1b``) and cut with an ellipsis past
``max_width`` characters. Nothing is coloured, so what a pipe receives is
what a terminal shows.

>>> print(text_table(["actor", "partners"], [["Russia", 12], ["North Korea", 3]], right={1}))
actor        partners
------------ --------
Russia             12
North Korea         3
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .printable import printable

__all__ = ["text_table"]

# a box with no lines but a rule of dashes under the header
_RULE_UNDER_HEADER = box.Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True)


def text_table(header: Sequence[str], rows: Iterable[Sequence], *, right: Iterable[int] = (),
               max_width: int = 80) -> str:
    """The rows under the header, columns two spaces apart; columns in ``right`` (by index) are
    aligned to the right. No line ends in spaces."""
    right = set(right)
    table = Table(box=_RULE_UNDER_HEADER, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  collapse_padding=True)
    for i, name in enumerate(header):
        table.add_column(Text(name), justify="right" if i in right else "left", no_wrap=True,
                         overflow="ellipsis", max_width=max_width)
    for row in rows:
        table.add_row(*(Text(printable(str(c))) for c in row))
    out = io.StringIO()
    Console(file=out, width=1_000_000, color_system=None, force_terminal=False, force_jupyter=False,
            soft_wrap=False).print(table)  # into the string, even inside a notebook
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())
