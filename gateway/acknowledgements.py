"""Acknowledgements: rendered from Jinja2 templates per category, language and channel, then queued."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from jinja2 import (Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, pass_context,
                    select_autoescape)
from markupsafe import Markup, escape

from gateway.settings import LandlordSettings

TEMPLATES = Path(__file__).parent / "templates" / "ack"
SHORT_CHANNELS = ("sms", "facebook", "instagram", "whatsapp", "x")
SUMMARY_CHARS = 600
# Every template of a language extends its base.txt and imports its macros.txt.
SHARED_FILES = ("base.txt", "macros.txt")
LRI, PDI, RLM = "\u2066", "\u2069", "\u200f"  # left-to-right isolate, its end, right-to-left mark
_URL = re.compile(r"(https?://[^\s<]+|www\.[^\s<]+)")
_URL_TRAIL = ".,;:)،؛۔"  # punctuation after an address, Arabic and Urdu included


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str  # the full text: email and letters
    short: str  # SMS and social replies
    html: str
    language: str


@lru_cache(maxsize=64)
def babel_locale(language: str | None) -> Locale | None:
    """The Babel locale for a language code; None for English (its own style) or an unknown code."""
    if not language or language.split("_")[0].lower() == "en":
        return None
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None


def longdate(value: date | datetime | None, language: str = "en") -> str:
    """``Friday 2 January 2026``, as GOV.UK writes dates; ``piątek, 2 stycznia 2026`` in Polish."""
    if value is None:
        return ""
    locale = babel_locale(language)
    if locale is None:
        return f"{value:%A} {value.day} {value:%B %Y}"
    return format_date(value, "full", locale=locale)


def shortdate(value: date | datetime | None, language: str = "en") -> str:
    """``Fri 2 Jan``: short enough for an SMS; ``pt., 2 sty`` in Polish.

    Never ending in a full stop (Romanian ``vin., 4 dec``), so a sentence can end with it.
    """
    if value is None:
        return ""
    locale = babel_locale(language)
    if locale is None:
        return f"{value:%a} {value.day} {value:%b}"
    return format_skeleton("MMMEd", value, locale=locale).rstrip(".")


def is_rtl(language: str) -> bool:
    """True for a language written right to left, such as Arabic or Urdu."""
    locale = babel_locale(language)
    return locale is not None and locale.text_direction == "rtl"


def template_language(template_name: str | None) -> str:
    """The language of a template from its folder: ``pl/receipt.txt`` is Polish."""
    folder, slash, _ = (template_name or "").partition("/")
    return folder if slash else "en"


def in_template_language(formatter: Callable[[date | datetime | None, str], str]) -> Callable:
    """A date filter that writes dates in the language of the template using it."""
    @pass_context
    def date_filter(ctx, value):
        return formatter(value, template_language(ctx.name))
    return date_filter


def ltr(value: str) -> str:
    """``value`` kept left to right in right-to-left text: ``0300 111 3000`` is not reordered."""
    return f"{LRI}{value}{PDI}"


def indent_quote(text: str | None) -> str:
    """The resident's own words, shortened and set in as a quotation."""
    words = (text or "").strip()
    if len(words) > SUMMARY_CHARS:
        words = words[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return "\n".join(f"  {line}" if line.strip() else "" for line in words.splitlines())


def linkify(text: str) -> Markup:
    """Escape a paragraph for HTML and turn bare web addresses into links."""
    def link(m: re.Match) -> str:
        url = m.group(0).rstrip(_URL_TRAIL)
        href = url if url.startswith("http") else f"https://{url}"
        return f'<a href="{href}">{url}</a>{m.group(0)[len(url):]}'
    return Markup("<br>\n".join(_URL.sub(link, str(escape(line))) for line in text.splitlines()))


class AckRenderer:
    """Renders acknowledgement templates; a language without a template falls back to English.

    Each language is a folder named by its ISO 639-1 code (``en``, ``pl``, ``cy``...). A folder
    missing one template falls back to English for that template only; dates are written in the
    language of the template that writes them.
    """

    def __init__(self, landlord: LandlordSettings, root: Path = TEMPLATES) -> None:
        self.landlord = landlord
        self.root = Path(root)
        self.env = Environment(loader=FileSystemLoader(root), undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                               autoescape=select_autoescape(["html"]))
        self.env.filters.update(longdate=in_template_language(longdate),
                                shortdate=in_template_language(shortdate),
                                indent_quote=indent_quote, linkify=linkify, ltr=ltr,
                                capfirst=lambda s: s[:1].upper() + s[1:])
        self.languages = {p.name for p in self.root.iterdir() if p.is_dir()}

    def language_for(self, name: str, wanted: str | None) -> str:
        """``wanted`` if its folder has template ``name`` and the files it needs, else English."""
        if wanted in self.languages and all(
                (self.root / wanted / file).exists() for file in (f"{name}.txt", *SHARED_FILES)):
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
        rtl = is_rtl(lang)
        if rtl:  # the short text opens with the landlord's name, often in Latin letters
            blocks["short"] = RLM + blocks["short"]
        html = self.env.get_template("email.html").render(
            lang=lang, rtl=rtl, subject=blocks["subject"], paragraphs=paragraphs)
        return Rendered(subject=blocks["subject"], text=blocks["body"] + "\n",
                        short=blocks["short"], html=html, language=lang)
