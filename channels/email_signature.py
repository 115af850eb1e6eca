"""Finding the signature at the end of a message's new text, so triage reads only what was said.

In order of certainty: the ``-- `` separator, a mobile footer ("Sent from my iPhone", "Get
Outlook for Android"), a legal disclaimer, and then a short trailing block that starts with a
valediction ("Kind regards,"), the sender's name, a rule line, or a name over contact details.
The heuristic kinds never take the whole text: a message that is only "Thank you" stays a body.
"""

from __future__ import annotations

import re

TAIL = 12  # a heuristic signature starts within this many lines of the end
MAX_SIG_LINE = 80
MAX_SIG_LINES = 10
MOBILE = re.compile(
    r"^(?:sent (?:from|with|via|using) (?:my )?[\w.'&()-]+(?: [\w.'&()-]+){0,4}"
    r"|get outlook for (?:ios|android)"
    r"|sent from (?:outlook|yahoo mail|mail for windows|proton ?mail)[\w ]*"
    r"|envoyé de mon [\w ]{2,30}|von meinem [\w ]{2,30} gesendet|gesendet von [\w ]{2,30}"
    r"|verzonden (?:vanaf|met) [\w ]{2,30}|wysłane z [\w ]{2,30}|enviado (?:desde|do|de) [\w ]{2,30}"
    r"|inviato da [\w ]{2,30}|skickat från [\w ]{2,30}|sendt fra [\w ]{2,30}"
    r"|anfonwyd o fy [\w ]{2,30})[.!]?(?:\s*<?https?://\S+>?|\s*\(https?://\S+\))?$", re.I)
DISCLAIMER = re.compile(
    r"^\W*(?:disclaimer\b|confidential(?:ity)? (?:notice|note|warning|statement)|"
    r"this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[\w ]{0,30})?"
    r" (?:is|are|may be|contains?|and its) [\w ]{0,20}(?:confidential|intended|privileged)|"
    r"the (?:information|contents?) (?:contained )?in this (?:e-?mail|message)|"
    r"if you (?:are not the (?:intended )?(?:recipient|addressee)|have received this "
    r"(?:e-?mail|message|communication) in error)|please consider the environment|"
    r"this e-?mail has been (?:scanned|checked)|any views or opinions (?:expressed|presented)|"
    r"diese e-?mail enthält vertrauliche|ce (?:message|courriel) et (?:toutes? )?les pièces|"
    r"dit (?:e-?mail)?bericht is uitsluitend|la informaci[oó]n contenida en este)", re.I)
VALEDICTION = re.compile(
    r"(?:(?:many|kind|kindest|best|warm|warmest|with|all the|thanks and|sincere|yours)\s+)*"
    r"(?:thanks?(?: you)?(?: (?:very much|so much|again|in advance))?|thx|cheers|regards|"
    r"wishes|best|sincerely|faithfully|truly|respectfully|love|ta|"
    r"mit freundlichen gr(?:ü|ue)(?:ß|ss)en|(?:viele |liebe |beste )?gr(?:ü|ue)(?:ß|ss)e|"
    r"cordialement|bien à vous|salutations|met vriendelijke groet(?:en)?|groeten|pozdrawiam|"
    r"z powa[żz]aniem|(?:med vänliga )?hälsningar|mvh|(?:med )?vennlig hilsen|"
    r"saludos(?: cordiales)?|atentamente|cumprimentos|atenciosamente|cordiali saluti|saluti|"
    r"diolch(?: yn fawr)?|cofion(?: gorau)?|yn gywir)[.!]*", re.I)
RULE = re.compile(r"^\s*[-_=*~]{4,}\s*$")
NAME_WORD = r"(?:[A-Z][a-z][\w'.-]*|[A-Z]\.?)"
NAME = re.compile(rf"^{NAME_WORD}(?: {NAME_WORD}){{0,3}}$")
CONTACT = re.compile(r"@|https?://|www\.|\+?\d[\d ()-]{7,}\d|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")


def split_signature(text: str, sender_name: str | None = None,
                    sender_email: str | None = None) -> tuple[str, str]:
    """(text without its signature, the signature); either may be empty."""
    lines = text.split("\n")
    cut = _first_cut(lines, _sender_words(sender_name, sender_email))
    if cut is None:
        return text.strip(), ""
    return "\n".join(lines[:cut]).strip(), "\n".join(lines[cut:]).strip()


def _first_cut(lines: list[str], sender: tuple[str, ...]) -> int | None:
    certain = [c for c in (_delimiter(lines), _mobile(lines), _disclaimer(lines)) if c is not None]
    if certain:
        return min(certain)
    cut = _heuristic(lines, sender)
    has_body = cut is not None and any(line.strip() for line in lines[:cut])
    return cut if has_body else None


def _delimiter(lines: list[str]) -> int | None:
    return next((k for k, line in enumerate(lines) if line.rstrip() == "--" and k > 0), None)


def _mobile(lines: list[str]) -> int | None:
    tail = [k for k, line in enumerate(lines) if line.strip()][-3:]
    return next((k for k in tail if MOBILE.match(lines[k].strip())), None)


def _disclaimer(lines: list[str]) -> int | None:
    for k, line in enumerate(lines):
        if k and DISCLAIMER.match(line):
            while k > 0 and lines[k - 1].strip():
                k -= 1  # back to the start of the disclaimer's paragraph
            return k if any(prev.strip() for prev in lines[:k]) else None
    return None


def _heuristic(lines: list[str], sender: tuple[str, ...]) -> int | None:
    filled = [k for k, line in enumerate(lines) if line.strip() and k > 0][-TAIL:]
    for k in filled:
        if _starts_signature(lines[k].strip(), lines[k - 1], sender) and _is_short_block(lines[k:]):
            return k
    return None


def _starts_signature(line: str, above: str, sender: tuple[str, ...]) -> bool:
    if RULE.match(line) or _is_valediction(line):
        return True
    lowered = line.lower()
    if len(line) <= 50 and any(word in lowered for word in sender):
        return True
    return not above.strip() and NAME.match(line) is not None and len(line) <= 40


def _is_valediction(line: str) -> bool:
    head, comma, name = line.partition(",")
    if not VALEDICTION.fullmatch(head.strip()):
        return False
    name = name.strip()
    return not name or (len(name) <= 40 and len(name.split()) <= 4
                        and not any(ch.isdigit() for ch in name))


def _is_short_block(block: list[str]) -> bool:
    filled = [line.strip() for line in block if line.strip()]
    if len(filled) > MAX_SIG_LINES or any(len(line) > MAX_SIG_LINE for line in filled):
        return False
    if RULE.match(filled[0]) or _is_valediction(filled[0]) or len(filled) == 1:
        return True
    return any(CONTACT.search(line) for line in filled[1:]) or len(filled) <= 3


def _sender_words(name: str | None, email: str | None) -> tuple[str, ...]:
    words = []
    if name and len(name.strip()) >= 4 and "@" not in name:
        words.append(name.strip().lower())
    local = (email or "").partition("@")[0].lower()
    if len(local) >= 4 and local.isalpha():
        words.append(local)
    return tuple(words)
