"""Path templates of REST endpoints: ``/users/{id}/orders``.

Parameters are written ``{name}``; ``:name`` (Express style, as in the reference document)
is read as the same parameter so that pasted routes keep working. No Qt, no I/O.
"""

from __future__ import annotations

import re

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_LITERAL = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=@%-]*\Z")


def _param_name(segment: str) -> str | None:
    """The parameter a whole segment names, or None for a literal segment."""
    if segment.startswith("{") and segment.endswith("}"):
        return segment[1:-1]
    if segment.startswith(":"):
        return segment[1:]
    return None


def normalise_path(path: str) -> str:
    """``/users/:id`` -> ``/users/{id}``; anything else is returned unchanged."""
    parts = path.split("/")
    out = [f"{{{p[1:]}}}" if p.startswith(":") and _NAME.match(p[1:]) else p for p in parts]
    return "/".join(out)


def path_parameters(path: str) -> list[str]:
    """Names of the well-formed parameters of ``path``, in order, without duplicates."""
    names: list[str] = []
    for segment in path.split("/"):
        name = _param_name(segment)
        if name is not None and _NAME.match(name) and name not in names:
            names.append(name)
    return names


def path_problems(path: str) -> list[str]:
    """What is wrong with a path template, as short sentences (empty if it is fine)."""
    if not path.startswith("/"):
        return ["the path must start with '/'"]
    problems: list[str] = []
    seen: set[str] = set()
    segments = path.split("/")[1:]
    for position, segment in enumerate(segments, start=1):
        if segment == "":
            if position < len(segments):  # a trailing slash is allowed, '//' is not
                problems.append(f"segment {position} is empty ('//')")
            continue
        name = _param_name(segment)
        if name is None:
            if "{" in segment or "}" in segment:
                problems.append(
                    f"malformed parameter in segment {position} {segment!r}: write it as {{name}}"
                )
            elif not _LITERAL.match(segment):
                problems.append(f"segment {position} {segment!r} has characters a URL path cannot hold")
            continue
        if not _NAME.match(name):
            problems.append(f"malformed parameter {segment!r}: a name is letters, digits and '_'")
        elif name in seen:
            problems.append(f"parameter {{{name}}} appears twice")
        seen.add(name)
    return problems
