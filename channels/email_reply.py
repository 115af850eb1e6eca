"""Splitting a resident's new words from the quoted history in a reply, then from the signature.

Lines are classed one by one, top to bottom. ``>`` lines are quoted. A reply header starts
quoted history: an attribution ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "W dniu …
napisał:", and others, wrapped over up to six lines), an "Original Message" or "Forwarded
message" rule, or an Outlook block of ``From:``/``Sent:``/``To:``/``Subject:`` lines in one of
many languages. When an attribution is followed by ``>`` lines only those are quoted, so text
written below or between quotes stays new; any other header quotes everything after it.
Every pattern is anchored or guarded by a cheap test first, so long lines stay linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from channels.email_signature import split_signature

WINDOW = 6  # an attribution may wrap over this many lines
MAX_HEADER = 400
OPENER = re.compile(
    r"^[\s>*_-]*(?:on|am|le|op|w dniu|dnia|den|på|el|em|il|vào|ar|dne|в)\b", re.I)
VERB = re.compile(
    r"\b(?:wrote|writes|sent|schrieb|schreef|geschreven|a [ée]crit|napisa[łl]a?(?:\(a\))?|"
    r"skrev|escribi[óo]|escreveu|ha scritto|scrisse|đã viết|написал(?:а|\(а\))?|написав|"
    r"ysgrifennodd|a scris|yazdı|napsal(?:a|\(a\))?|kirjoitti|írta)(?=\W|$)", re.I)
VERB_AT_END = re.compile(VERB.pattern + r"\s*:?$", re.I)
DASH_WRAPPED = re.compile(r"^-{2,}[^-]{1,200}\bwrote\b[^-]{0,20}-{2,}$", re.I)
TIME = re.compile(r"\d{1,2}:\d{2}")
ANGLE_EMAIL = re.compile(r"[<(\[][^<>()\[\]\s]{1,200}@[^<>()\[\]\s]{1,200}[>)\]]")
DATE_START = re.compile(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
MARKER = re.compile(
    r"^[\s>*_=-]*(?:original message|forwarded message|begin forwarded message|"
    r"ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|"
    r"message original|oorspronkelijk bericht|doorgestuurd bericht|mensaje original|"
    r"mensaje reenviado|messaggio originale|messaggio inoltrato|mensagem original|"
    r"mensagem encaminhada|wiadomość oryginalna|wiadomość przekazana dalej|"
    r"ursprungligt meddelande|vidarebefordrat meddelande|opprinnelig melding|"
    r"videresendt melding|oprindelig meddelelse|videresendt meddelelse|исходное сообщение|"
    r"пересылаемое сообщение|neges wreiddiol|neges wedi'i hanfon ymlaen)\b[\s*_=:-]*$", re.I)
FIELD_START = r"^\s*[*_]{0,2}("
FIELD_END = r")\s*[*_]{0,2}\s*:"
FROM_KEYS = ("from|von|de|van|fra|från|od|da|от|lähettäjä|feladó|kimden|"
             "date|datum|fecha|data|päivämäärä")
OTHER_KEYS = ("sent|gesendet|envoyé|envoye|verzonden|sendt|skickat|enviado|inviato|wysłane|"
              "wysłano|отправлено|to|an|à|a|aan|til|till|para|do|кому|cc|kopie|subject|"
              "betreff|objet|onderwerp|emne|ämne|asunto|assunto|oggetto|temat|тема|reply-to|"
              "antwort an|répondre à")
BLOCK_START = re.compile(FIELD_START + FROM_KEYS + FIELD_END, re.I)
ANY_FIELD = re.compile(FIELD_START + FROM_KEYS + "|" + OTHER_KEYS + FIELD_END, re.I)
SPACED_ANGLE = re.compile(r"< | >")
SEPARATOR = re.compile(r"^\s*[-_=*~]{3,}\s*$")
INLINE_OPENER = re.compile(r"(?:-{2,}\s*|\s)(?=On\s)")


@dataclass(frozen=True)
class ReplyParts:
    """A message's text in three parts: new words, quoted history, and signature."""

    body: str
    quoted: str
    signature: str


def split_reply(text: str, sender_name: str | None = None,
                sender_email: str | None = None) -> ReplyParts:
    """New text, quoted history and signature of a plain-text message; never raises."""
    lines = _split_inline_headers(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    quoted = mark_quoted(lines)
    body = _join(line for line, q in zip(lines, quoted) if not q)
    history = _join(line for line, q in zip(lines, quoted) if q)
    body, signature = split_signature(body, sender_name, sender_email)
    return ReplyParts(body=body, quoted=history, signature=signature)


def mark_quoted(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to quoted history."""
    quoted = [False] * len(lines)
    i = 0
    while i < len(lines):
        if is_quote_line(lines[i]) or not lines[i].strip():
            quoted[i] = is_quote_line(lines[i])
            i += 1
            continue
        end, attribution = header_end(lines, i)
        if not end:
            i += 1
            continue
        start = _rule_above(lines, quoted, i)
        after = _next_text(lines, end)
        if attribution and after is not None and is_quote_line(lines[after]):
            quoted[start:end] = [True] * (end - start)
            i = end
            continue
        quoted[start:] = [True] * (len(lines) - start)
        break
    _mend_broken_links(lines, quoted)
    return quoted


def _mend_broken_links(lines: list[str], quoted: list[bool]) -> None:
    """A long link wrapped inside a quotation leaves a bare fragment line between ``>`` lines."""
    for k in range(1, len(lines) - 1):
        line = lines[k].strip()
        if not quoted[k] and line and " " not in line and quoted[k - 1] and quoted[k + 1]:
            quoted[k] = True


def is_quote_line(line: str) -> bool:
    """Whether a line is quoted history (``>`` first), decoration aside."""
    stripped = line.lstrip(" ")
    # ">>> see http://example.org <<<" is decoration in adverts, not a quotation
    return stripped.startswith(">") and not stripped.rstrip().endswith("<<")


def header_end(lines: list[str], i: int) -> tuple[int, bool]:
    """(index after the reply header starting at line i, whether it is an attribution), or (0, _)."""
    line = lines[i]
    if len(line) > MAX_HEADER:
        return 0, False
    if MARKER.match(line):
        return i + 1, False
    if BLOCK_START.match(line) and _has_more_fields(lines, i):
        return i + 1, False
    if OPENER.match(line) or DATE_START.match(line):
        return _window_attribution(lines, i)
    return (i + 1, True) if is_attribution(line) else (0, False)


def is_attribution(text: str) -> bool:
    """Whether a (joined) line introduces a quotation: "On <date>, <person> wrote:" and kin."""
    text = SPACED_ANGLE.sub(lambda m: m.group(0).replace(" ", ""), " ".join(text.split()))
    if len(text) > MAX_HEADER or not text:
        return False
    core = text.rstrip(" -*_")
    had_dashes = len(core) < len(text)
    if DASH_WRAPPED.match(text):
        return True
    if not (core.endswith(":") or (had_dashes and VERB_AT_END.search(core))):
        return False
    contact = "@" in core or TIME.search(core) is not None
    if OPENER.match(core) and VERB.search(core):
        return contact or any(ch.isdigit() for ch in core)
    if VERB_AT_END.search(core):
        return contact
    return ANGLE_EMAIL.search(core) is not None and (TIME.search(core) is not None
                                                     or DATE_START.match(core) is not None)


def _window_attribution(lines: list[str], i: int) -> tuple[int, bool]:
    joined = ""
    for end in range(i, min(len(lines), i + WINDOW)):
        joined = f"{joined} {lines[end].strip()}".strip()
        if is_attribution(joined):
            return end + 1, True
        if len(joined) > MAX_HEADER or joined.endswith((".", "!", "?")):
            break
    if DATE_START.match(lines[i]) and "@" in joined[:MAX_HEADER]:
        after = _next_text(lines, i + 1)  # Gmail's "2011/4/7 Name <address>" with no verb
        if after is not None and is_quote_line(lines[after]):
            return i + 1, True
    return 0, False


def _has_more_fields(lines: list[str], i: int) -> bool:
    first = BLOCK_START.match(lines[i]).group(1).lower()
    for line in lines[i + 1:i + 8]:
        found = ANY_FIELD.match(line)
        if found and found.group(1).lower() != first:
            return True
    return False


def _rule_above(lines: list[str], quoted: list[bool], i: int) -> int:
    """Start the quotation at a rule (____ or -----) just above its header, if there is one."""
    start = i
    for k in range(i - 1, max(-1, i - 4), -1):
        if quoted[k] or (lines[k].strip() and not SEPARATOR.match(lines[k])):
            break
        if lines[k].strip():
            start = k
    return start


def _next_text(lines: list[str], i: int) -> int | None:
    return next((k for k in range(i, min(len(lines), i + 6)) if lines[k].strip()), None)


def _split_inline_headers(lines: list[str]) -> list[str]:
    """Put "reply--- On <date>, <person> wrote:" written on one line onto two."""
    out: list[str] = []
    for line in lines:
        if line.rstrip().endswith(":") and "On " in line and len(line) <= MAX_HEADER:
            cut = next((m.end() for m in INLINE_OPENER.finditer(line)
                        if m.end() > 0 and is_attribution(line[m.end():])), None)
            if cut and line[:cut].strip(" -"):
                out += [line[:cut].rstrip(" -"), line[cut:]]
                continue
        out.append(line)
    return out


def _join(lines) -> str:
    """Lines joined, with runs of blank lines cut to one and none at either end."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")
