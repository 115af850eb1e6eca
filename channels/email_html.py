"""HTML mail bodies to clean plain text, with selectolax (the Lexbor HTML5 parser).

Scripts, styles, hidden elements and other non-content never reach the text. Blockquotes are
rendered as ``> `` lines and ``<hr>`` as an Outlook-style rule, so the plain-text reply splitter
sees HTML replies the way it sees plain ones. The tree is walked with an explicit stack: hostile
mail nests tags thousands deep.
"""

from __future__ import annotations

import re
from html import unescape

from selectolax.lexbor import LexborHTMLParser

SKIPPED_TAGS = frozenset({
    "script", "style", "head", "title", "template", "noscript", "svg", "math", "object",
    "embed", "iframe", "frame", "frameset", "canvas", "select", "xml", "meta", "link", "img",
    "-comment", "audio", "video", "map", "input", "textarea",
})
BLOCK_TAGS = frozenset({
    "div", "section", "article", "header", "footer", "main", "nav", "aside", "address",
    "center", "dl", "dt", "dd", "form", "fieldset", "figure", "figcaption", "tr",
    "body", "html", "caption", "details", "summary",
})
PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"})
CELL_TAGS = frozenset({"td", "th"})
RULE = "_" * 32
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
_EXIT = object()
DEPTH_CHECK_SIZE = 20_000
MAX_DEPTH = 2_000
TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]{0,30})[^>]{0,2000}?(/?)>")
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr",
                       "source", "track", "embed", "param"})
DROPPED_BLOCKS = ("script", "style", "head", "title", "template", "noscript", "svg", "iframe")


class _Text:
    """Collects rendered lines, each with the blockquote depth it was written at."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.buf: list[str] = []
        self.depth = 0
        self.pre = 0

    def add(self, text: str) -> None:
        text = INVISIBLE.sub("", text)
        if not self.pre:
            self.buf.append(SPACES.sub(" ", text))
            return
        first, *rest = text.replace("\r\n", "\n").split("\n")
        self.buf.append(first)
        for piece in rest:
            self.newline()
            self.buf.append(piece)

    def newline(self) -> None:
        line = "".join(self.buf)
        self.lines.append((self.depth, line.rstrip() if self.pre else line.strip()))
        self.buf = []

    def block(self) -> None:
        if "".join(self.buf).strip():
            self.newline()
        self.buf = []

    def paragraph(self) -> None:
        self.block()
        if self.lines and self.lines[-1][1]:
            self.lines.append((self.depth, ""))

    def render(self) -> str:
        self.block()
        out: list[str] = []
        for depth, line in self.lines:
            text = (">" * depth + " " + line).rstrip() if depth else line
            if text or (out and out[-1]):
                out.append(text)
        return "\n".join(out).strip("\n")


def html_to_text(html: str) -> str:
    """The readable text of an HTML document; never raises."""
    if not html or not html.strip():
        return ""
    if len(html) > DEPTH_CHECK_SIZE and _max_depth(html) > MAX_DEPTH:
        return _flat_text(html)  # the HTML5 tree builder is quadratic in nesting depth
    try:
        tree = LexborHTMLParser(html)
    except Exception:  # the parser refuses a few byte sequences; keep the visible characters
        return _flat_text(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    out = _Text()
    _walk(root, out)
    return out.render()


def _walk(root, out: _Text) -> None:
    stack: list = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            _leave(node[1], out)
            continue
        tag = node.tag
        if tag == "-text":
            out.add(node.text_content or "")
            continue
        if tag in SKIPPED_TAGS or _is_hidden(node):
            continue
        kind = _kind(tag, node)
        _enter(kind, out)
        stack.append((_EXIT, kind))
        stack.extend(reversed(list(node.iter(include_text=True))))


def _is_hidden(node) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style) and HIDDEN_STYLE.search(style) is not None


def _kind(tag: str, node) -> str:
    if tag in ("br", "hr", "blockquote", "pre", "li"):
        return tag
    if tag == "p" and "MsoNormal" in (node.attributes.get("class") or ""):
        return "line"  # Outlook writes each line as <p class=MsoNormal>: a break, not a paragraph
    if tag in PARAGRAPH_TAGS:
        return "paragraph"
    if tag in BLOCK_TAGS:
        return "block"
    return "cell" if tag in CELL_TAGS else "inline"


def _enter(kind: str, out: _Text) -> None:
    if kind == "br":
        out.newline()
    elif kind == "hr":
        out.block()
        out.lines.append((out.depth, RULE))
    elif kind in ("paragraph", "pre", "blockquote"):
        out.paragraph()
        out.depth += kind == "blockquote"
        out.pre += kind == "pre"
    elif kind in ("block", "li", "line"):
        out.block()
        if kind == "li":
            out.buf.append("- ")
    elif kind == "cell":
        out.buf.append(" ")


def _leave(kind: str, out: _Text) -> None:
    if kind in ("paragraph", "pre", "blockquote"):
        out.block()
        out.depth -= kind == "blockquote" and out.depth > 0
        out.pre -= kind == "pre" and out.pre > 0
        out.paragraph()
    elif kind == "line":
        out.newline()
    elif kind in ("block", "li"):
        out.block()


def _max_depth(html: str) -> int:
    depth = deepest = 0
    for match in TAG.finditer(html):
        name = match.group(2).lower()
        if match.group(1):
            depth = max(0, depth - 1)
        elif not match.group(3) and name not in VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _flat_text(html: str) -> str:
    """Text of HTML too hostile to build a tree for: dropped blocks cut out, tags removed."""
    lowered, out, pos = html.lower(), [], 0
    while True:
        starts = [(i, name) for name in DROPPED_BLOCKS if (i := lowered.find(f"<{name}", pos)) >= 0]
        if not starts:
            break
        start, name = min(starts)
        out.append(html[pos:start])
        end = lowered.find(f"</{name}", start)
        pos = len(html) if end < 0 else (lowered.find(">", end) + 1 or len(html))
    out.append(html[pos:])
    text = TAG.sub(" ", "".join(out))
    return INVISIBLE.sub("", SPACES.sub(" ", unescape(text))).strip()
