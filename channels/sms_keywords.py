"""SMS keywords (STOP, START, HELP and Twilio's standard synonyms) and the TwiML answers to them.

A keyword is the whole message: ``Stop``, `` stop. `` and ``STOP ALL`` are keywords, ``stop the
noise`` is not. YES is one of Twilio's opt-in words, but residents also text "Yes" in answer to a
question, so it counts as a keyword only from a number that has opted out.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from gateway.settings import LandlordSettings

OPT_OUT_WORDS = frozenset({
    "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE",
})
OPT_IN_WORDS = frozenset({"START", "YES", "UNSTOP"})
HELP_WORDS = frozenset({"HELP", "INFO"})
ONLY_WHEN_OPTED_OUT = frozenset({"YES"})

KEYWORDS = {
    **{w: "stop" for w in OPT_OUT_WORDS},
    **{w: "start" for w in OPT_IN_WORDS},
    **{w: "help" for w in HELP_WORDS},
}

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def keyword_word(text: str) -> str | None:
    """The keyword ``text`` consists of, upper-cased (``"STOP ALL"``), or None."""
    word = re.sub(r"\s+", " ", text.strip().rstrip(".!").strip()).upper()
    return word if word in KEYWORDS else None


def keyword_of(text: str, *, opted_out: bool) -> str | None:
    """``"stop"``, ``"start"`` or ``"help"`` when ``text`` is a keyword for this sender."""
    word = keyword_word(text)
    if word is None or (word in ONLY_WHEN_OPTED_OUT and not opted_out):
        return None
    return KEYWORDS[word]


def help_text(landlord: LandlordSettings) -> str:
    """The answer to HELP: who we are and how else to reach us."""
    return (f"{landlord.name}: call {landlord.phone}, email {landlord.email} or see "
            f"{landlord.website}. Text us to report a problem. Reply STOP to stop texts.")


def start_text(landlord: LandlordSettings) -> str:
    return f"{landlord.name}: you will get texts from us again. Reply STOP to stop."


def reply_text(keyword: str | None, landlord: LandlordSettings) -> str | None:
    """What Doorstep answers a keyword with; STOP gets no answer."""
    if keyword == "help":
        return help_text(landlord)
    if keyword == "start":
        return start_text(landlord)
    return None


def twiml(text: str | None = None) -> str:
    """A TwiML document: empty, or one reply message."""
    if text is None:
        return EMPTY_TWIML
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f"<Response><Message>{escape(text)}</Message></Response>")
