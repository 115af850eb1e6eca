"""RFC 3676 ``format=flowed`` text: soft line breaks joined, space-stuffing and quote depth kept.

Thunderbird and Apple Mail send flowed text; unflowing it first lets the reply splitter see one
line per paragraph, as the writer typed it, rather than the client's 72-column wrapping.
"""

from __future__ import annotations


def unflow(text: str, delsp: bool = False) -> str:
    """Join the soft-broken lines of flowed text; hard breaks and quote levels stay as written."""
    out: list[str] = []
    current: list[str] = []
    current_depth = -1
    for line in text.split("\n"):
        depth, content = _split_quote(line)
        if current and depth != current_depth:
            out.append(_render(current_depth, current))
            current = []
        current_depth = depth
        flowed = content.endswith(" ") and content.rstrip() != "--"
        if flowed and delsp:
            content = content[:-1]
        current.append(content)
        if not flowed:
            out.append(_render(depth, current))
            current = []
    if current:
        out.append(_render(current_depth, current))
    return "\n".join(out)


def _split_quote(line: str) -> tuple[int, str]:
    stripped = line.lstrip(">")
    depth = len(line) - len(stripped)
    if stripped.startswith(" "):
        stripped = stripped[1:]  # space-stuffing, or the space after the quote marks
    return depth, stripped


def _render(depth: int, pieces: list[str]) -> str:
    content = "".join(pieces)
    return (">" * depth + " " + content).rstrip() if depth > 0 else content
