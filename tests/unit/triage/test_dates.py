"""out_of_time: dates and durations in the text resolved against the receipt time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage.dates import issue_age, out_of_time


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        ("I have had damp since March 2023", at(2024, 6, 1), True),
        ("I have had damp since March 2023", at(2023, 12, 1), False),
        ("It started in January last year", at(2025, 11, 24), True),
        ("It started in January last year", at(2025, 1, 10), False),
        ("back in 2024 the contractor broke my fence", at(2025, 11, 24), True),
        ("back in 2024 the contractor broke my fence", at(2025, 3, 1), False),
        ("the lock has been broke for over two years", at(2025, 11, 24), True),
        ("waiting 18 months for a new kitchen", at(2025, 11, 24), True),
        ("waiting 6 months for a new kitchen", at(2025, 11, 24), False),
        ("leaking since last summer", at(2025, 11, 24), False),
        ("leaking since the summer before last", at(2025, 11, 24), True),
        ("reported on 12/02/2023 and nothing since", at(2025, 11, 24), True),
        ("the charge in the 2021/22 accounts is wrong", at(2024, 11, 14), True),
        ("Mere ghar mein damp hai, a year and a half now", at(2025, 7, 17), True),
    ],
)
def test_out_of_time_resolves_against_received_at(
    text: str, received: datetime, expected: bool
) -> None:
    assert bool(out_of_time(text, received)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "I have lived here for 20 years and the tap broke last week",
        "my son is 3 years old",
        "I have been a tenant for 15 years",
        "the flooring was laid at my own expense in 2021 and your men tore it",
        "it was fitted with a 10 year guarantee",
        "the boiler broke on Tuesday",
        "I've lived at 16 Greenway Court for nine years. In July a new tenant moved in",
        "I have been your tenant at 9 Sandringham Way since June 2019, please confirm it",
        "I am the sole tenant of 8 Foxley Gardens and have been since 2017",
        "I was diagnosed with Parkinson's disease three years ago and need a rail",
        "I have never had this in nine years in this house, mice everywhere",
        "I've worked in retail management for ten years",
    ],
)
def test_spans_about_the_person_or_not_the_issue_are_ignored(text: str) -> None:
    assert out_of_time(text, at(2025, 11, 24)) is None


def test_none_received_at_means_now() -> None:
    assert out_of_time("damp since 2019", None)


def test_evidence_names_the_phrase_and_its_age() -> None:
    evidence = out_of_time("damp since March 2023", at(2025, 3, 20))
    assert evidence is not None and evidence.startswith("march 2023")
    assert "months before receipt" in evidence


def test_issue_age_takes_the_oldest_reference() -> None:
    age = issue_age("reported in June 2025, first noticed in 2022", at(2025, 11, 24))
    assert age is not None and age[0] > 36


def test_skipping_finders_a_text_cannot_match_changes_nothing() -> None:
    """Each finder's quick test is something every match of it has: on the corpus, issue_age is
    what running every finder gives."""
    from triage import dates
    from triage.corpus_io import DEFAULT_TRAIN_DIR, load_corpus

    if not DEFAULT_TRAIN_DIR.is_dir():
        pytest.skip(f"no training corpus at {DEFAULT_TRAIN_DIR}")
    received = datetime(2026, 1, 15, tzinfo=UTC)
    texts = [f"{e.subject or ''}\n{e.text}".lower() for e in load_corpus()]
    for text in texts:
        for finder, needed in dates.FINDERS:
            if not needed(text):
                assert list(finder(text, received.date())) == [], (finder.__name__, text[:60])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since we moved in in 2019 the extractor fan has never worked", True),
        ("We moved in in 2019 and the fan broke last week", False),
        ("Din 2023 vă tot anunț că ușa de la intrare nu se închide", True),
        ("od dwóch lat zgłaszam, że okno w sypialni przecieka", True),
        ("منذ سنتين وأنا أبلغكم عن الرطوبة والعفن", True),
        ("Há três anos que a janela da sala não fecha bem", True),
        ("3rd winter in a row the heating has packed up over xmas", True),
        ("Copilul meu de 4 ani are astm", False),  # a child's age, not a span
        ("od roku czekam na naprawę", False),  # a year exactly is not over twelve months
        ("sydd wedi bod yn broblem ers mis Ionawr 2024", True),
        ("В феврале 2024 года мне выставили счёт за дверь", True),
        ("ਮਾਰਚ 2024 ਵਿੱਚ ਤੁਹਾਡੇ ਠੇਕੇਦਾਰਾਂ ਨੇ ਰਸੋਈ ਬਦਲੀ", True),
        ("a janela está partida desde março de 2024", True),
        ("w marcu 2026 okno zaczęło przeciekać", False),  # too recent
        ("since his tenancy was transferred to you in the autumn of 2023 the rent is wrong", True),
        ("The error started when I moved in in January 2023", True),
        ("main pichle do saal se bathroom ki chhat ke leak ke baare mein bata rahi hoon", True),
        ("od ponad dwóch lat przy każdym deszczu woda przelewa się z rynny", True),
        ("Din toamna lui 2023 caloriferele fac zgomot", True),
        ("২০২২ সাল থেকে পাশের ফ্ল্যাটের লোকটা গালিগালাজ করে", True),
        ("deriskayga hal sano iyo badh habeen kasta sameeyo buuq", True),
        ("wiilkeyga oo laba sano jira wuu xanuunsan yahay", False),  # an age
        ("мне 72 года, и у меня болит спина", False),  # an age
        ("протечка уже два года, никто не пришёл", True),
        ("2022'den beri kapı kapanmıyor", True),
        ("la fenêtre fuit depuis deux ans", True),
        ("浴室漏水两年了", True),
        ("از دو سال پیش پنجره درست بسته نمی‌شود", True),
        ("the lift has worked for me for the fourteen months I have waited", True),
    ],
)
def test_spans_in_other_words_and_languages(text: str, expected: bool) -> None:
    assert (out_of_time(text, at(2026, 3, 1)) is not None) is expected


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        ("The porch roof started leaking two Christmases ago", at(2026, 3, 10), True),
        ("two Christmases ago", at(2024, 12, 5), True),  # Christmas 2022
        ("The windows have been draughty for the last two winters", at(2026, 10, 20), True),
        ("bikes on the green for the past two summers", at(2024, 3, 26), True),
        ("a damp patch on the chimney breast since before Covid", at(2024, 3, 19), True),
        ("The damp patch first appeared a year ago last month", at(2026, 6, 16), True),
        ("The damp patch first appeared a year ago last week", at(2026, 6, 16), True),
    ],
)
def test_seasons_covid_and_a_year_ago_last_month(text: str, received: datetime,
                                                  expected: bool) -> None:
    assert (out_of_time(text, received) is not None) is expected


def test_time_runs_from_when_the_writer_learnt_of_it() -> None:
    text = "Last month I found out that since April 2023 I have been charged for window cleaning"
    assert out_of_time(text, at(2024, 12, 5)) is None
    assert out_of_time("I have been charged since April 2023", at(2024, 12, 5))


def test_a_span_of_all_being_well_is_not_the_issue() -> None:
    assert out_of_time("Never had mice in nine years in this house", at(2025, 1, 1)) is None
    assert out_of_time("The heating has never worked since it went in, in autumn 2022",
                       at(2024, 9, 12))
