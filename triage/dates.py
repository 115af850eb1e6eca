"""When did the issue start? Dates and durations in a message, resolved against its receipt time.

Regular expressions, the long tables through `triage.rule_engine`. Each finder returns (months
before receipt, evidence) pairs; `out_of_time` reports the longest one over twelve months. Vague
spans are placed in their middle (a bare year on 1 July, a month on the 15th), so "since 2024" in
January 2025 is not out of time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from functools import lru_cache

from triage.rule_engine import Rule, candidate_rules, compile_all, may_match

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
SEASONS: dict[str, int] = {
    "spring": 4, "easter": 4, "summer": 7, "autumn": 10, "fall": 10,
    "christmas": 12, "xmas": 12, "winter": 1,
}  # fmt: skip
NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18,
    "twenty": 20, "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 3,
    "many": 3, "two and a half": 2.5, "one and a half": 1.5, "a year and a half": 1.5,
}  # fmt: skip
THRESHOLD_MONTHS = 12

MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
YEAR = r"((?:19|20)\d\d)"
NUM = r"(\d{1,3}(?:\.5)?|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True)) + ")"
MONTH_YEAR = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?{MONTH},?\s+(?:of\s+)?{YEAR}\b"
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d\d)\b")
YEAR_ALONE = re.compile(
    rf"\b(since|in|back in|early|late|mid|start of|end of|spring|summer|autumn|"
    rf"winter|christmas|xmas|easter|(?:the )?(?:winter|summer|spring|autumn) of)\s*-?\s*"
    rf"(?:about |around |approximately |roughly |c\.\s?)?{YEAR}"
    rf"(?:/(?:\d\d))?(?!\s*[-/]\s*\d)",
)
FINANCIAL_YEAR = re.compile(r"\b(?:19|20)(\d\d)/(\d\d)\b")
RELATIVE_MONTH = re.compile(
    rf"\b(since|from|in|back in|last|(?:in|since|from) early|(?:in|since|from) late)\s+{MONTH}"
    rf"(\s+last year|\s+the year before(?: last)?|\s+before last|\s+of last year)?\b",
)
RELATIVE_SEASON = re.compile(
    r"\b(since|from|in|over|during|last|(?:since|from|in|over|during)? ?the)\s+"
    r"(spring|easter|summer|autumn|fall|christmas|xmas|winter)"
    r"(\s+before last|\s+last year|\s+the year before)?\b",
)
RELATIVE_YEAR = re.compile(
    r"\b(since|from|in|during|(?:since |from )?(?:early|late|the start of|the end of))\s+"
    r"(last year|the year before last)\b",
)
# English plus a few words residents write in other languages ("2 saal se"; not "años" or "ani",
# which more often give a child's age).
YEAR_UNITS = r"years?|yrs?|saal|blynedd\w*|yıl"
MONTH_UNITS = r"months?|mths?|mnths?|miesięcy|mahine"
DURATION = re.compile(
    rf"\b((?:over|more than|nearly|almost|about|around|at least|well over|getting on for)\s+)?"
    rf"{NUM}\s*\+?\s*({YEAR_UNITS}|{MONTH_UNITS})(?![-\w])(\s+and\s+a\s+half)?",
)
DURATION_CUE_BEFORE = re.compile(
    r"\b(?:for|over|since|past|last|been|waiting|waited|had|reported|reporting|chasing|asking)\b",
)
DURATION_CUE_AFTER = re.compile(r"\s*(?:ago|now|and counting|se|running|on and off)\b")
DURATION_NOT_ONGOING = re.compile(r"\b(?:took|take|takes|taking|bidding|on the list)\b[^.]*$")
VAGUE_YEARS = re.compile(
    r"\b(?:for|over)\s+(?:many\s+|several\s+|some\s+)?years\b|\byears\s+and\s+years\b"
)
# Spans about the person, the tenancy or the future, not the issue.
NOT_THE_ISSUE = re.compile(
    r"\b(lived|living|live here|tenant|tenancy|resident|moved in|been with|aged?|born|age of|"
    r"within|next|warranty|laid|bought|purchased|built|paid for|passed away|died|death|"
    r"guarantee|contract|old|pregnant|sentence|dob|birth)\b",
)
# Spans about the person, the home or a job told anywhere earlier in the same clause: "I've lived
# at 16 Greenway Court for nine years", "was diagnosed with Parkinson's three years ago".
TENURE = re.compile(
    r"\b(lived|living|tenants?|tenancy|resided|residing|leaseholders?|owner|been with|been here|"
    r"work(?:ed|ing)? (?:as|at|in)|rented|renting|employed|experience|career|diagnosed|"
    r"married|retired|transferred|acquired|granted|in (?:this|the|my|our) (?:house|home|flat))\b",
)
CLAUSE_BREAK = re.compile(r"[.!?;:\n]|\b(?:but|because|although|though|while|whereas|so)\b|"
                          r"\band (?:the|my|our|it|its|it's|there|this|that|now|since then)\b")
CLAUSE_REACH = 90  # characters searched back for the clause a span belongs to
# "never had this in nine years", "first time in 40 years": the span is how long all was well.
ALL_WELL_BEFORE = re.compile(r"\b(?:never (?:had|once|needed|asked|been)|not once|first time|best|"
                             r"worst)\b[^.!?\n]{0,60}\bin\s+(?:all\s+|the\s+)?$")
AFTER_NOT_ISSUE = re.compile(
    r"^[\s-]*(old|of age|pregnant|time|from now|warranty|guarantee|of (?:his|her|my|their) life)\b",
)
SINCE_MOVING_IN = re.compile(r"\b(?:(?:ever )?since|(?:started|began|begun) when) (?:i|we|they|she|"
                             r"he|my \w+) (?:first )?moved in"
                             r"(?: here)?,?\s*(?:in\s*)?$")
# The same spans in the residents' other languages: "din 2023", "od dwóch lat", "منذ سنتين"
# (not Romanian "de doi ani", more often a child's age).
FOREIGN_SINCE_YEAR = compile_all(
    r"(?:\b(?:din|desde|od|ers|depuis|dal|seit|nuo|с|з|від)|منذ|از|从|自)\s+(?:\w+\s+){0,2}?"
    r"((?:19|20)\d\d)(?!\d)",
    r"((?:19|20)\d\d)['’]?(?:den|dan|ten|tan)\s+beri\b",
    r"([১২][০-৯]{3}|(?:19|20)\d\d)\s*(?:সাল|সালের)?\s*থেকে",
)
# "For two years" in the residents' other languages, each with a word or ending that makes it a span
# of time gone by ("od dwóch lat", "há quase dois anos", "do saal se", "منذ سنتين", "两年了"), not an
# age ("copilul meu de 4 ani", "мне 72 года"). A named group holds the number; "so_half" is "and a
# half". A table of the rule engine: each pattern is searched only where its words occur.
FOREIGN_YEARS = compile_all(
    r"\bod\s+(?:ponad\s+|prawie\s+|około\s+)?(?P<pl>\S+)\s+lat\b",
    r"\bh[aá]\s+(?:quase\s+|mais de\s+|cerca de\s+)?(?P<pt>\S+)\s+anos\b",
    r"\b(?:desde\s+)?hace\s+(?:casi\s+|más de\s+|mas de\s+)?(?P<es>\S+)\s+a[nñ]os\b",
    r"\bers\s+(?P<cy>\S+)\s+(?:blynedd|mlynedd|flynedd)\b",
    r"منذ\s+(?P<ar>سنتين|عامين|ثلاث سنوات|ثلاثة أعوام|أربع سنوات|\d+\s+سنوات)",
    r"\b(?P<ur>do|teen|char|chaar|paanch|\d+)\s+(?:saal|sal|baras)\s+(?:se|say|sai)\b",
    r"(?P<urs>دو|تین|چار|پانچ|\d+)\s+سال\s+سے",
    r"(?P<hi>दो|तीन|चार|पांच|\d+)\s+साल\s+से",
    r"(?P<pa>ਦੋ|ਤਿੰਨ|ਚਾਰ|ਪੰਜ|\d+)\s+ਸਾਲ\S*\s+ਤੋਂ",
    r"(?P<gu>બે|ત્રણ|ચાર|પાંચ|\d+)\s+વર્ષ\S*થી",
    r"(?P<bn>দুই|তিন|চার|পাঁচ|\d+)\s+বছর\s+(?:ধরে|যাবত)",
    r"(?:از\s+)?(?P<fa>دو|سه|چهار|پنج|\d+)\s+سال\s+(?:پیش|است)",
    r"\b(?P<so>hal|laba|saddex|afar|shan|\d+)\s+sano(?P<so_half>\s+iyo\s+badh)?\b(?!\s+jir)",
    r"\b(?P<tr>iki|üç|dört|beş|\d+)\s+y[ıi]ld[ıi]r\b",
    r"\bde\s+(?:peste\s+|aproape\s+|mai bine de\s+)(?P<ro>\S+)\s+ani\b|"
    r"\bde\s+(?P<ro2>doi|două|trei|patru|cinci|\d+)\s+ani\s+de\s+zile\b",
    r"\b(?:уже|более|больше|почти|около|вже|понад|майже)\s+(?P<ru>\S+)\s+(?:года|лет|роки|років)\b",
    r"\b(?P<ru2>два|две|три|четыре|пять|дві|чотири|\d+)\s+(?:года|лет|роки|років)\s+"
    r"(?:подряд|назад|тому)\b",
    r"\bdepuis\s+(?:plus de\s+|presque\s+)?(?P<fr>\S+)\s+ans\b|\bil y a\s+(?P<fr2>\S+)\s+ans\b",
    r"\bda\s+(?:più di\s+|quasi\s+)?(?P<it>\S+)\s+anni\b",
    r"\bseit\s+(?:über\s+|fast\s+)?(?P<de>\S+)\s+jahren\b",
    r"\b(?:jau|daugiau nei)\s+(?P<lt>\S+)\s+(?:metus|metai|metų)\b",
    r"(?P<zh>两|三|四|五|\d+)\s*年(?:了|多|来)",
)
FOREIGN_NUMBERS = {
    "dwóch": 2, "dwoch": 2, "dwu": 2, "trzech": 3, "czterech": 4, "pięciu": 5, "pieciu": 5,
    "dois": 2, "duas": 2, "três": 3, "tres": 3, "quatro": 4, "cinco": 5, "dos": 2, "cuatro": 4,
    "dwy": 2, "tair": 3, "pedair": 4, "pum": 5, "do": 2, "teen": 3, "char": 4, "chaar": 4,
    "paanch": 5, "سنتين": 2, "عامين": 2, "ثلاث سنوات": 3, "ثلاثة أعوام": 3, "أربع سنوات": 4,
    "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5,
    "ਦੋ": 2, "ਤਿੰਨ": 3, "ਚਾਰ": 4, "ਪੰਜ": 5, "બે": 2, "ત્રણ": 3, "ચાર": 4, "પાંચ": 5,
    "দুই": 2, "তিন": 3, "চার": 4, "পাঁচ": 5, "سه": 3, "پنج": 5,
    "hal": 1, "laba": 2, "saddex": 3, "afar": 4, "shan": 5, "iki": 2, "üç": 3, "dört": 4, "beş": 5,
    "doi": 2, "două": 2, "doua": 2, "trei": 3, "patru": 4,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "дві": 2, "чотири": 4,
    "п'ять": 5, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "due": 2, "tre": 3, "quattro": 4,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "dvejus": 2, "dveji": 2, "trejus": 3,
    "两": 2, "三": 3, "四": 4, "五": 5,
}  # fmt: skip
# Covid and the lockdowns residents date things by.
COVID = re.compile(r"\b(?:since|from|before|pre-?)\s*(?:before\s+)?(?:covid|the pandemic|"
                   r"(?:the )?(?:first )?lockdown)\b")
COVID_START = date(2020, 3, 23)
# "two Christmases ago", "for the past two summers", "the last two winters": seasons counted back.
SEASONS_BACK = re.compile(
    r"\b(two|three|four|five|2|3|4|5)\s+(christmases|xmases|winters|summers|springs|autumns|"
    r"easters)\s+ago\b|\b(?:the\s+)?(?:last|past)\s+(two|three|four|five|2|3|4|5)\s+"
    r"(christmases|xmases|winters|summers|springs|autumns|easters)\b")
SEASON_PLURALS = {"christmases": "christmas", "xmases": "xmas", "winters": "winter",
                  "summers": "summer", "springs": "spring", "autumns": "autumn", "easters": "easter"}
# The time limit runs from when the writer became aware of the issue.
LEARNT_LATELY = re.compile(
    r"\b(?:only |just )?(?:found out|discovered|realised|realized|became aware|learnt|learned)\b"
    r"[^.!?\n]{0,40}?\b(?:last (?:month|week)|this (?:month|week)|"
    r"recently|yesterday|today|the other day|(?:a|two|three|few) (?:days|weeks) ago)\b|"
    r"\b(?:last month|last week|recently)\b[^.!?\n]{0,20}?\b(?:i|we) (?:found out|discovered|"
    r"realised|realized|learnt|learned)\b")
# "a year ago last month": a year and a month.
YEAR_AGO_LAST = re.compile(r"\b(?:a|one) year ago last (month|week)\b")
# Month names in the residents' other languages, as written before a year ("ers mis Ionawr 2024",
# "в феврале 2024 года", "março de 2024", "ਮਾਰਚ 2024"): a stem, matched with any ending.
FOREIGN_MONTH_STEMS: dict[int, tuple[str, ...]] = {
    1: ("ionawr", "stycz", "ianuarie", "janeiro", "enero", "janvier", "gennaio", "januar", "ocak",
        "январ", "січ", "يناير", "جنوری", "ਜਨਵਰੀ", "জানুয়ারি", "jannaayo"),
    2: ("chwefror", "lut", "februarie", "fevereiro", "febrero", "février", "fevrier", "febbraio",
        "februar", "şubat", "subat", "феврал", "лют", "فبراير", "فروری", "ਫ਼ਰਵਰੀ", "ਫਰਵਰੀ",
        "ফেব্রুয়ারি", "febraayo"),
    3: ("mawrth", "marz", "marc", "martie", "março", "marco", "marzo", "mars", "märz", "mart",
        "март", "берез", "مارس", "مارچ", "ਮਾਰਚ", "মার্চ", "maarso"),
    4: ("ebrill", "kwie", "aprilie", "abril", "avril", "aprile", "nisan", "апрел", "квіт", "أبريل",
        "ابريل", "اپریل", "ਅਪ੍ਰੈਲ", "ਅਪ੍ਰੈਲ", "এপ্রিল", "abriil"),
    5: ("maj", "maio", "mayo", "maggio", "mayıs", "mayis", "ма[йяе]", "трав", "مايو", "مئی", "ਮਈ",
        "মে"),
    6: ("mehefin", "czerw", "iunie", "junho", "junio", "juin", "giugno", "juni", "haziran", "июн",
        "черв", "يونيو", "جون", "ਜੂਨ", "জুন", "juun"),
    7: ("gorffennaf", "lip", "iulie", "julho", "julio", "juillet", "luglio", "juli", "temmuz",
        "июл", "лип", "يوليو", "جولائی", "ਜੁਲਾਈ", "জুলাই", "luulyo"),
    8: ("awst", "sierp", "agosto", "août", "aout", "ağustos", "agustos", "август", "серп",
        "أغسطس", "اغسطس", "اگست", "ਅਗਸਤ", "আগস্ট", "agoosto"),
    9: ("medi", "wrze", "septembrie", "setembro", "septiembre", "settembre", "eylül", "eylul",
        "сентябр", "верес", "سبتمبر", "ستمبر", "ਸਤੰਬਰ", "সেপ্টেম্বর", "sebtembar"),
    10: ("hydref", "październ", "pazdziern", "octombrie", "outubro", "octubre", "octobre",
         "ottobre", "ekim", "октябр", "жовт", "أكتوبر", "اكتوبر", "اکتوبر", "ਅਕਤੂਬਰ", "অক্টোবর",
         "oktoobar"),
    11: ("tachwedd", "listopad", "noiembrie", "novembro", "noviembre", "novembre", "kasım",
         "kasim", "ноябр", "листопад", "نوفمبر", "نومبر", "ਨਵੰਬਰ", "নভেম্বর", "nofeembar"),
    12: ("rhagfyr", "grud", "decembrie", "dezembro", "diciembre", "décembre", "dicembre",
         "dezember", "aralık", "aralik", "декабр", "груд", "ديسمبر", "دسمبر", "ਦਸੰਬਰ", "ডিসেম্বর",
         "diseembar"),
}
FOREIGN_MONTH_YEAR = re.compile(
    r"(?<!\w)(" + "|".join(sorted((stem for stems in FOREIGN_MONTH_STEMS.values() for stem in stems),
                                   key=len, reverse=True))
    + r")\w*\s+(?:de\s+|del\s+|of\s+)?((?:19|20)\d\d)(?!\d)"
)
FOREIGN_MONTH_NUMBER = [(re.compile(rf"(?:{'|'.join(stems)})"), month)
                        for month, stems in FOREIGN_MONTH_STEMS.items()]
# "the third winter in a row": the first was (n - 1) years before.
NTH_IN_A_ROW = re.compile(r"\b(2nd|second|3rd|third|4th|fourth|5th|fifth)\s+(?:winter|summer|year|"
                          r"christmas|xmas|autumn|spring)\s+(?:in a row|running|on the trot)\b")
ORDINALS = {"2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4, "5th": 5, "fifth": 5}
JUST_BEFORE_NOT_ISSUE = re.compile(r"\b(?:every|each|per)\s+$")


# Each finder runs only on a text that has what every one of its matches needs, so most texts skip
# most finders (see FINDERS). For most finders that is a needle of one of their patterns: those
# patterns (and LEARNT_LATELY) are also the rules of one table of `triage.rule_engine`, whose
# needles the shared scan finds along with the flag tables' (the detectors scan the same
# lower-cased text), so that the test is a look-up or two. Where the needles would be digits or
# punctuation, a small pattern tells more.
# Two finders are gated by how their matches start, whose needles tell more than their own would:
# RELATIVE_MONTH by a cue and a month, one alternative per cue, so that the needles are phrases
# ("in may") rather than months ("may"); FOREIGN_MONTH_YEAR by its month word rather than the year.
RELATIVE_MONTH_START = re.compile("|".join(
    rf"\b{cue}\s+{MONTH}" for cue in ("since", "from", "in", "back in", "last",
                                     "(?:in|since|from) early", "(?:in|since|from) late")))
FOREIGN_MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(stem for stems in FOREIGN_MONTH_STEMS.values() for stem in stems) + ")")
GATED = (MONTH_YEAR, RELATIVE_MONTH_START, RELATIVE_SEASON, RELATIVE_YEAR, DURATION, VAGUE_YEARS,
         COVID, SEASONS_BACK, YEAR_AGO_LAST, FOREIGN_MONTH_WORD, NTH_IN_A_ROW, LEARNT_LATELY)
GATES = compile_all(*(pattern.pattern for pattern in GATED))
RULES: dict[re.Pattern[str], Rule] = dict(zip(GATED, GATES))  # each pattern's rule


def may_match_one(*patterns: re.Pattern[str]) -> Callable[[str], object]:
    """A test that one of these patterns (of GATED) may match a lower-cased text: true for every
    text that one of them matches."""
    rules = tuple(RULES[pattern] for pattern in patterns)
    if len(rules) == 1:
        return rules[0].candidates
    return lambda text: any(rule.candidates(text) for rule in rules)


def months_between(start: date, end: date) -> float:
    """Whole-and-fractional months from start to end (negative if start is later)."""
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 31


def is_issue_span(text: str, start: int, end: int) -> bool:
    """False when the words just around a match show it is about the person or the future
    ("since we moved in in 2019" is the issue's start, "we moved in in 2019" is not)."""
    before = text[max(0, start - 30) : start]
    if SINCE_MOVING_IN.search(before):
        return True
    if NOT_THE_ISSUE.search(before) or JUST_BEFORE_NOT_ISSUE.search(before):
        return False
    if about_the_person(clause_before(text, start)):
        return False
    return not AFTER_NOT_ISSUE.match(text[end : end + 30])


def about_the_person(clause: str) -> bool:
    """Whether a clause tells of the person, home or job ("I have been your tenant for"), and not
    of something that began with them ("since his tenancy was transferred in 2023")."""
    tenure = TENURE.search(clause)
    return tenure is not None and "since" not in clause[: tenure.start()]


def clause_before(text: str, start: int) -> str:
    """The words of a span's own clause before it (back to the last sentence end, "but" or a
    new subject after "and"), within `CLAUSE_REACH` characters."""
    window = text[max(0, start - CLAUSE_REACH) : start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def latest_before(month: int, received: date, strictly: bool) -> int:
    """The year of the most recent given month at or (strictly) before the receipt month."""
    if month < received.month or (month == received.month and not strictly):
        return received.year
    return received.year - 1


def to_year(raw: str) -> int:
    """A 2- or 4-digit year as a 4-digit one."""
    value = int(raw)
    return value + 2000 if value < 100 else value


def find_month_years(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'March 2023', '4 March 2023', 'Jan 2023'."""
    for m in MONTH_YEAR.finditer(text):
        if not is_issue_span(text, m.start(), m.end()):
            continue
        day = int(m.group(1)) if m.group(1) else 15
        start = date(int(m.group(3)), MONTHS[m.group(2).lower()[:3]], min(max(day, 1), 28))
        yield months_between(start, received), m.group(0)


def find_numeric_dates(text: str, received: date) -> Iterator[tuple[float, str]]:
    """UK day/month/year dates like 12/02/2023."""
    for m in NUMERIC_DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), to_year(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31 and is_issue_span(text, m.start(), m.end()):
            yield months_between(date(year, month, min(day, 28)), received), m.group(0)


def find_bare_years(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'since 2022', 'back in 2023', 'summer 2024', 'early 2023'."""
    for m in YEAR_ALONE.finditer(text):
        if not is_issue_span(text, m.start(), m.end()):
            continue
        cue = m.group(1).lower()
        month = next((v for k, v in SEASONS.items() if k in cue), 7)
        month = {"early": 3, "start of": 2, "late": 11, "end of": 11}.get(cue, month)
        yield months_between(date(int(m.group(2)), month, 15), received), m.group(0)


def find_financial_years(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'2021/22' (April to March; placed in October of the first year)."""
    for m in FINANCIAL_YEAR.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if second == (first + 1) % 100:
            yield months_between(date(2000 + first, 10, 15), received), m.group(0)


def find_relative_months(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'since March', 'last October', 'in January last year'."""
    for m in RELATIVE_MONTH.finditer(text):
        if not is_issue_span(text, m.start(), m.end()):
            continue
        month = MONTHS[m.group(2).lower()[:3]]
        cue, tail = m.group(1).lower(), (m.group(3) or "").lower()
        year = latest_before(month, received, strictly=cue == "last")
        if "last year" in tail or "of last" in tail:
            year = received.year - 1
        elif "before" in tail:
            year = received.year - (3 if "before last" in tail and "year" in tail else 2)
        yield months_between(date(year, month, 15), received), m.group(0)


def find_relative_seasons(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'since last summer', 'over the winter before last', 'since xmas'."""
    for m in RELATIVE_SEASON.finditer(text):
        if not is_issue_span(text, m.start(), m.end()):
            continue
        month = SEASONS[m.group(2).lower()]
        year = latest_before(month, received, strictly=m.group(1).lower() == "last")
        if m.group(3):
            year -= 1
        yield months_between(date(year, month, 15), received), m.group(0)


def find_relative_years(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'since last year', 'in the year before last'."""
    for m in RELATIVE_YEAR.finditer(text):
        if not is_issue_span(text, m.start(), m.end()):
            continue
        back = 2 if "before last" in m.group(2).lower() else 1
        month = {"early": 3, "start": 2, "late": 11, "end": 11}
        cue = next((v for k, v in month.items() if k in m.group(1).lower()), 7)
        yield months_between(date(received.year - back, cue, 15), received), m.group(0)


def duration_months(qualifier: str, amount: str, unit: str, half: str | None) -> float:
    """Months in a duration such as 'over two years' or '18 months'."""
    value = NUMBERS.get(amount.lower(), None)
    value = float(amount) if value is None else value
    value += 0.5 if half else 0
    months = value * 12 if re.fullmatch(YEAR_UNITS, unit.lower()) else value
    if qualifier.strip().lower() in {"nearly", "almost", "getting on for"}:
        return months - 0.5
    return months + (0.5 if qualifier.strip() else 0)


def is_ongoing(text: str, start: int, end: int) -> bool:
    """A duration of the issue ('for 2 years', '3 yrs ago'), not '2 years of asking'."""
    before, after = text[max(0, start - 25) : start], text[end : end + 15]
    if DURATION_NOT_ONGOING.search(before) or re.match(r"\s*of\b", after):
        return False
    return bool(DURATION_CUE_BEFORE.search(before) or DURATION_CUE_AFTER.match(after))


def find_durations(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'for over two years', '18 months now', '3 yrs ago', 'for years'."""
    for m in DURATION.finditer(text):
        if (is_issue_span(text, m.start(), m.end()) and is_ongoing(text, m.start(), m.end())
                and not ALL_WELL_BEFORE.search(text, max(0, m.start() - 90), m.start())):
            yield duration_months(m.group(1) or "", m.group(2), m.group(3), m.group(4)), m.group(0)
    for m in RULES[VAGUE_YEARS].finditer(text):  # (the test in FINDERS may be DURATION's)
        if is_issue_span(text, m.start(), m.end()):
            yield 24.0, m.group(0)


def find_foreign_spans(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'din 2023', 'od dwóch lat', 'há três anos', 'منذ سنتين', '2023'ten beri', 'দুই বছর ধরে'."""
    for rule in candidate_rules(FOREIGN_SINCE_YEAR, text):
        for m in rule.pattern.finditer(text):
            year = int(m.group(1))  # int() reads Bengali digits too
            yield months_between(date(year, 7, 15), received), m.group(0)
    for rule in candidate_rules(FOREIGN_YEARS, text):
        for m in rule.pattern.finditer(text):
            groups = m.groupdict()
            amount = next(v for k, v in groups.items() if v and k != "so_half")
            years = int(amount) if amount.isdigit() else FOREIGN_NUMBERS.get(amount, 0)
            yield years * 12.0 + (6 if groups.get("so_half") else 0), m.group(0)


def find_covid(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'since before Covid', 'since lockdown': March 2020."""
    for m in COVID.finditer(text):
        yield months_between(COVID_START, received), m.group(0)


def find_seasons_back(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'two Christmases ago' (strictly before), 'the last two winters' (this one counted)."""
    for m in SEASONS_BACK.finditer(text):
        count, season = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        number = int(count) if count.isdigit() else int(NUMBERS[count])
        month = SEASONS[SEASON_PLURALS[season]]
        year = latest_before(month, received, strictly=m.group(1) is not None) - (number - 1)
        yield months_between(date(year, month, 15), received), m.group(0)


def find_year_ago_last(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'a year ago last month'."""
    for m in YEAR_AGO_LAST.finditer(text):
        yield (13.0 if m.group(1) == "month" else 12.25), m.group(0)


def find_foreign_month_years(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'ers mis Ionawr 2024', 'w marcu 2023', 'В феврале 2024 года' (placed mid-month)."""
    for m in FOREIGN_MONTH_YEAR.finditer(text):
        if not is_issue_span(text, m.start(), m.end()):
            continue
        month = next(number for stem, number in FOREIGN_MONTH_NUMBER if stem.match(m.group(1)))
        yield months_between(date(int(m.group(2)), month, 15), received), m.group(0)


def find_nth_in_a_row(text: str, received: date) -> Iterator[tuple[float, str]]:
    """'3rd winter in a row': the issue first came (n - 1) years before."""
    for m in NTH_IN_A_ROW.finditer(text):
        yield (ORDINALS[m.group(1)] - 1) * 12.0 + 0.5, m.group(0)


def all_of(*tests: Callable[[str], object]) -> Callable[[str], bool]:
    """Every one of the tests passes."""
    return lambda text: all(test(text) for test in tests)


A_YEAR = re.compile(r"(?:19|20)\d\d")
SLASHED_PAIR = re.compile(r"\d\d/\d\d")  # as in "2021/22"
# A digit, "/" or ".", a digit: two patterns that start with the punctuation, which `re` skips to,
# rather than one that starts with \d, which it tries at every character.
SLASH_BETWEEN_DIGITS = re.compile(r"/(?<=\d/)\d")
DOT_BETWEEN_DIGITS = re.compile(r"\.(?<=\d\.)\d")


@lru_cache(maxsize=1)
def has_year(text: str) -> bool:
    """Whether the text has a year of the 1900s or 2000s (three finders ask it of each text); the
    regex, which reads every character, only where "19" or "20" is."""
    return ("20" in text or "19" in text) and A_YEAR.search(text) is not None


# Each finder with a test that passes every text it can find a span in.
FINDERS: tuple[tuple[Callable[[str, date], Iterator[tuple[float, str]]], Callable], ...] = (
    (find_month_years, all_of(has_year, may_match_one(MONTH_YEAR))),
    (find_numeric_dates,
     lambda text: SLASH_BETWEEN_DIGITS.search(text) or DOT_BETWEEN_DIGITS.search(text)),
    (find_bare_years, has_year),
    (find_financial_years, lambda text: "/" in text and SLASHED_PAIR.search(text)),
    (find_relative_months, may_match_one(RELATIVE_MONTH_START)),
    (find_relative_seasons, may_match_one(RELATIVE_SEASON)),
    (find_relative_years, may_match_one(RELATIVE_YEAR)),
    (find_durations, may_match_one(DURATION, VAGUE_YEARS)),
    (find_foreign_spans,
     lambda text: may_match(FOREIGN_SINCE_YEAR, text) or may_match(FOREIGN_YEARS, text)),
    (find_covid, may_match_one(COVID)),
    (find_seasons_back, may_match_one(SEASONS_BACK)),
    (find_year_ago_last, may_match_one(YEAR_AGO_LAST)),
    (find_foreign_month_years, all_of(has_year, may_match_one(FOREIGN_MONTH_WORD))),
    (find_nth_in_a_row, may_match_one(NTH_IN_A_ROW)),
)


def issue_age(text: str, received_at: datetime | None = None) -> tuple[float, str] | None:
    """The oldest reference in the text as (months before receipt, evidence), or None."""
    return oldest_reference(text.lower(), received_at)


def oldest_reference(text: str, received_at: datetime | None) -> tuple[float, str] | None:
    """`issue_age` of a lower-cased text (the patterns are lower-case, compiled without re.I for
    speed)."""
    stamp = received_at or datetime.now(UTC)
    # A naive time (e.g. read back from SQLite) is taken as UTC, as the gateway stores it.
    received = (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).astimezone(UTC).date()
    found = [hit for finder, needed in FINDERS if needed(text)
             for hit in finder(text, received) if hit[0] >= 0]
    return max(found, default=None)


def out_of_time(text: str, received_at: datetime | None = None) -> str | None:
    """Evidence that the issue began more than twelve months before receipt, else None. A writer
    who only learnt of it lately ("I found out last month") is in time, whenever it began."""
    text = text.lower()
    if RULES[LEARNT_LATELY].search(text):
        return None
    age = oldest_reference(text, received_at)
    if age is None or age[0] <= THRESHOLD_MONTHS:
        return None
    return f"{age[1].strip()} (~{math.ceil(age[0])} months before receipt)"
