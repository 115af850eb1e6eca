"""Earlier contacts: a resident who has told us about the same thing before is not a first contact.

The guide's costly crossing is a repair or ASB report made again because the landlord did not act:
that is a complaint, not a new request. The gateway passes the same resident's earlier messages
(any channel, the last twelve months) and the case a reply belongs to; this module finds the ones
on the same topic and says how far they should move the decision:

- each earlier contact on the same topic multiplies the odds of `complaint` (capped), so a second
  report of the same leak leans to complaint and a third is one unless the text says otherwise;
- a message that replies to, or quotes the reference of, a complaint case is a follow-up to that
  complaint: complaint odds rise likewise, and where it is a complaint it carries `escalation`
  (the guide: quoting an existing complaint reference).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

WINDOW = timedelta(days=365)
ODDS_PER_CONTACT = 3.0
MAX_ODDS = 27.0
MIN_WORD_OVERLAP = 0.25
# Topics residents write about, by the words that name them; two messages sharing a topic are
# about the same thing for this purpose. English only: other languages fall back on shared words.
TOPICS: dict[str, re.Pattern[str]] = {
    topic: re.compile(rf"\b(?:{words})", re.I)
    for topic, words in {
        "heating": r"boiler|heating|radiator|hot water|storage heater|no heat",
        "leak": r"leak|drip|water (?:coming|pouring|running)|ceiling|burst|flood",
        "damp": r"damp|mou?ld|condensation|black spots|fungus",
        "electrics": r"electric|socket|wiring|fuse|trip switch|lights? (?:keep|not|don)",
        "windows_doors": r"window|door|lock|glass|frame|letterbox",
        "kitchen_bathroom": r"kitchen|cupboard|worktop|sink|tap|toilet|loo|shower|bath|extractor",
        "roof_outside": r"roof|gutter|slate|tile|fence|gate|garden|path|drain",
        "pests": r"mice|mouse|rats?\b|cockroach|bed ?bugs|pest|infest|wasps?|pigeons?",
        "noise": r"noise|noisy|music|party|parties|banging|shouting|stomping",
        "neighbour": r"neighbou?r|next door|upstairs flat|downstairs flat|flat above|flat below",
        "drugs_crime": r"drug|dealing|cannabis|weed smell|stabb?|knife|police",
        "communal": r"communal|stair(?:s|well|case)|corridor|landing|bin store|lift|entrance",
        "rubbish": r"rubbish|fly.?tip|bins?\b|litter|bulky",
        "rent_money": r"rent\b|arrears|service charge|universal credit|payment|direct debit",
        "gas": r"gas\b|carbon monoxide|co alarm",
        "fire": r"fire\b|smoke alarm|smoke detector|fire door|fire alarm",
    }.items()
}
WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class EarlierContact:
    """One earlier message from the same resident, or the case a reply belongs to."""

    text: str
    received_at: datetime | None = None
    category: str | None = None  # the category decided for it
    reference: str | None = None  # its case's reference
    same_case: bool = False  # this message threads to, or quotes, that case


@dataclass(frozen=True)
class ContextEvidence:
    """What the earlier contacts say about this message."""

    repeats: int  # earlier contacts on the same topic within the window
    topics: tuple[str, ...]
    references: tuple[str, ...]
    complaint_follow_up: str | None  # the complaint case this message follows up, if any

    @property
    def odds(self) -> float:
        """Factor on the odds of `complaint`."""
        steps = self.repeats + (1 if self.complaint_follow_up else 0)
        return min(MAX_ODDS, ODDS_PER_CONTACT ** steps) if steps else 1.0

    def reason(self) -> str | None:
        """A line for staff saying what the history showed, or None when it showed nothing."""
        if self.complaint_follow_up:
            return f"context: follows up complaint {self.complaint_follow_up}"
        if not self.repeats:
            return None
        about = f" about {', '.join(self.topics)}" if self.topics else ""
        refs = f" ({', '.join(self.references)})" if self.references else ""
        plural = "s" if self.repeats > 1 else ""
        return f"context: {self.repeats} earlier contact{plural}{about}{refs}"


def topics_of(text: str) -> set[str]:
    """The topics a text mentions."""
    return {topic for topic, pattern in TOPICS.items() if pattern.search(text)}


def words_of(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def same_topic(text: str, earlier: str) -> set[str] | None:
    """The shared topics (possibly empty when only words are shared), or None if unrelated."""
    shared = topics_of(text) & topics_of(earlier)
    if shared:
        return shared
    mine, theirs = words_of(text), words_of(earlier)
    overlap = len(mine & theirs) / min(len(mine), len(theirs)) if mine and theirs else 0.0
    return set() if overlap >= MIN_WORD_OVERLAP else None


def weigh(
    text: str, received_at: datetime | None, earlier: Sequence[EarlierContact]
) -> ContextEvidence:
    """Count the earlier contacts on the same topic and find a complaint this follows up."""
    repeats, topics, refs, follow_up = 0, set(), [], None
    for contact in earlier:
        if contact.same_case and contact.category == "complaint":
            follow_up = follow_up or contact.reference or "case"
            continue
        if received_at and contact.received_at and received_at - contact.received_at > WINDOW:
            continue
        shared = same_topic(text, contact.text)
        if shared is None and not contact.same_case:
            continue
        repeats += 1
        topics |= shared or set()
        if contact.reference and contact.reference not in refs:
            refs.append(contact.reference)
    return ContextEvidence(repeats, tuple(sorted(topics)), tuple(refs), follow_up)


def reweigh(proba: np.ndarray, labels: Sequence[str], odds: float) -> np.ndarray:
    """Multiply the odds of `complaint` by ``odds`` and renormalise."""
    if odds == 1.0 or "complaint" not in labels:
        return proba
    out = np.array(proba, dtype=np.float64)
    out[list(labels).index("complaint")] *= odds
    return out / out.sum()

