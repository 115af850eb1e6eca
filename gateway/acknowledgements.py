"""Acknowledgements: rendered from Jinja2 templates per category, language and channel, then queued."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from markupsafe import Markup, escape

from gateway.settings import LandlordSettings

TEMPLATES = Path(__file__).parent / "templates" / "ack"
SHORT_CHANNELS = ("sms", "facebook", "instagram", "whatsapp", "x")
SUMMARY_CHARS = 600
_URL = re.compile(r"(https?://[^\s<]+|www\.[^\s<]+)")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str  # the full text: email and letters
    short: str  # SMS and social replies
    html: str
    language: str


def longdate(value: date | datetime | None) -> str:
    """``Friday 2 January 2026``, as GOV.UK writes dates."""
    return "" if value is None else f"{value:%A} {value.day} {value:%B %Y}"


def shortdate(value: date | datetime | None) -> str:
    """``Fri 2 Jan``: short enough for an SMS."""
    return "" if value is None else f"{value:%a} {value.day} {value:%b}"


def indent_quote(text: str | None) -> str:
    """The resident's own words, shortened and set in as a quotation."""
    words = (text or "").strip()
    if len(words) > SUMMARY_CHARS:
        words = words[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return "\n".join(f"  {line}" if line.strip() else "" for line in words.splitlines())


def linkify(text: str) -> Markup:
    """Escape a paragraph for HTML and turn bare web addresses into links."""
    def link(m: re.Match) -> str:
        url = m.group(0).rstrip(".,;:)")
        href = url if url.startswith("http") else f"https://{url}"
        return f'<a href="{href}">{url}</a>{m.group(0)[len(url):]}'
    return Markup("<br>\n".join(_URL.sub(link, str(escape(line))) for line in text.splitlines()))


class AckRenderer:
    """Renders acknowledgement templates; a language without a template falls back to English."""

    def __init__(self, landlord: LandlordSettings, root: Path = TEMPLATES) -> None:
        self.landlord = landlord
        self.env = Environment(loader=FileSystemLoader(root), undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                               autoescape=select_autoescape(["html"]))
        self.env.filters.update(longdate=longdate, shortdate=shortdate,
                                indent_quote=indent_quote, linkify=linkify,
                                capfirst=lambda s: s[:1].upper() + s[1:])
        self.languages = {p.name for p in Path(root).iterdir() if p.is_dir()}

    def language_for(self, name: str, wanted: str | None) -> str:
        """``wanted`` if a template ``name`` exists in it, else English."""
        if wanted and wanted in self.languages and (Path(self.env.loader.searchpath[0]) / wanted / f"{name}.txt").exists():
            return wanted
        return "en"

    def render(self, template_name: str, language: str | None, **context) -> Rendered:
        """Render ``template_name`` (a category, ``receipt`` or ``followup``)."""
        lang = self.language_for(template_name, language)
        try:
            template = self.env.get_template(f"{lang}/{template_name}.txt")
        except TemplateNotFound as e:
            raise LookupError(f"no acknowledgement template {lang}/{template_name}.txt") from e
        macros = self.env.get_template(f"{lang}/macros.txt").make_module({"landlord": self.landlord})
        ctx = template.new_context({"landlord": self.landlord, "m": macros, **context})
        blocks = {b: "".join(template.blocks[b](ctx)).strip() for b in ("subject", "body", "short")}
        blocks["body"] = re.sub(r"\n{3,}", "\n\n", blocks["body"])  # optional sections left out
        paragraphs = [p for p in re.split(r"\n\s*\n", blocks["body"]) if p.strip()]
        html = self.env.get_template("email.html").render(
            lang=lang, subject=blocks["subject"], paragraphs=paragraphs)
        return Rendered(subject=blocks["subject"], text=blocks["body"] + "\n",
                        short=blocks["short"], html=html, language=lang)
