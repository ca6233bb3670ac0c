"""Content negotiation: which of the media types a route offers an Accept header asks for."""
from __future__ import annotations

__all__ = ["accept_list", "choose_type"]


def accept_list(accept: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (q=0 dropped, order kept among equals)."""
    if not accept or not accept.strip():
        return ["*/*"]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mime = fields[0].lower()
        if not mime:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, mime))
    return [m for _, _, m in sorted(ranked)]


def choose_type(accept: str | None, offered, aliases: dict[str, str]) -> str | None:
    """The first of the ``offered`` media types an Accept header asks for, in its order of
    preference (aliases read as the type they stand for, wildcards taking the first that fits)."""
    for mime in accept_list(accept):
        mime = aliases.get(mime, mime)
        if mime in offered:
            return mime
        if mime == "*/*":
            return next(iter(offered))
        if mime.endswith("/*"):
            found = next((o for o in offered if o.startswith(mime[:-1])), None)
            if found:
                return found
    return None
