"""Acknowledgements in the resident's language: complete template sets, dates in the language,
right-to-left email, short texts within two SMS segments, and falling back to English."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta

import pytest
from jinja2 import meta
from sqlalchemy import select

from channels.sms_segments import fit, segments
from gateway.acknowledgements import LRI, PDI, TEMPLATES, AckRenderer, longdate, shortdate
from gateway.pipeline import Pipeline
from gateway.settings import LandlordSettings
from models import Case, Outbound
from tests.conftest import pipeline_deps, raw_api, utc

SHIPPED = ("cy", "pl", "ro", "pt", "es", "ar", "ur")
# Every translated folder, a landlord's own included.
LANGUAGES = tuple(sorted(p.name for p in TEMPLATES.iterdir() if p.is_dir() and p.name != "en"))
CATEGORIES = ("complaint", "complaint_stage2", "service_request", "asb_report", "compliment",
              "feedback", "enquiry", "receipt", "followup")
ENGLISH_FILES = sorted(p.name for p in (TEMPLATES / "en").iterdir())
REFERENCE = "DS-2026-000042"
RECEIVED, ACK_DUE, RESPONSE_DUE = date(2026, 11, 20), date(2026, 11, 27), date(2026, 12, 4)
# Realistic landlord names, up to the length of a typical housing association's trading name.
LANDLORD_NAMES = ("Example Homes", "Northfield Housing Group")
TAG = re.compile(r"{%-?\s*(.*?)\s*-?%}")


def context(**changes) -> dict:
    found = dict(reference=REFERENCE, name="Tina Example", received=RECEIVED, ack_due=ACK_DUE,
                 response_due=RESPONSE_DUE, summary="The bathroom ceiling is leaking again.",
                 outcome="Fix the leak properly", flags=["urgent_hazard"], stage=1)
    return {**found, **changes}


def render(template, language, landlord=None, root=TEMPLATES, **changes):
    return AckRenderer(landlord or LandlordSettings(), root=root).render(
        template, language, **context(**changes))


def reply_language_line(language: str) -> str:
    """The language's own line telling the resident they may reply in it or in English."""
    env = AckRenderer(LandlordSettings()).env
    macros = env.get_template(f"{language}/macros.txt").make_module(
        {"landlord": LandlordSettings()})
    return str(macros.reply_language())


def promised_date(name: str) -> date:
    """The date a template promises: the next letter for a receipt, the reply otherwise."""
    return {"receipt": ACK_DUE, "followup": RECEIVED}.get(name, RESPONSE_DUE)


def longest_short_date(language: str) -> date:
    """The day whose short form is longest in ``language``: the worst case for an SMS."""
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    return max(days, key=lambda day: len(shortdate(day, language)))


def test_the_shipped_languages_are_there():
    assert set(SHIPPED) <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_template_english_has(language):
    assert sorted(p.name for p in (TEMPLATES / language).iterdir()) == ENGLISH_FILES


@pytest.mark.parametrize("file", ENGLISH_FILES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_english_structure(language, file):
    """The same blocks, conditions and context variables as en/; macros may add to en's."""
    env = AckRenderer(LandlordSettings()).env
    english, translated = ((TEMPLATES / folder / file).read_text() for folder in ("en", language))
    english_tags = TAG.findall(english)
    translated_tags = [t.replace(f'"{language}/', '"en/') for t in TAG.findall(translated)]
    if file == "macros.txt":
        assert set(english_tags) <= set(translated_tags)
    else:
        assert translated_tags == english_tags
    variables = (meta.find_undeclared_variables(env.parse(text)) for text in (english, translated))
    assert next(variables) == next(variables)


@pytest.mark.parametrize("name", CATEGORIES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_template_renders_in_the_language_with_reference_and_dates(language, name):
    rendered = render(name, language)
    due = promised_date(name)
    assert rendered.language == language
    assert all(REFERENCE in part for part in (rendered.subject, rendered.text, rendered.short))
    assert longdate(due, language) in rendered.text
    assert longdate(due, language) != longdate(due)  # written in the language, not in English
    if name != "followup":
        assert shortdate(due, language) in rendered.short
    assert reply_language_line(language) in rendered.text
    assert "Dear" not in rendered.text and "{{" not in rendered.text + rendered.short


@pytest.mark.parametrize("name", ["complaint", "complaint_stage2"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_complaints_keep_the_ombudsman_details(language, name):
    rendered = render(name, language)
    assert "Housing Ombudsman" in rendered.text
    assert "www.housing-ombudsman.org.uk" in rendered.text and "0300 111 3000" in rendered.text
    assert "0300 111 3000" in rendered.short
    assert "The bathroom ceiling is leaking again." in rendered.text


@pytest.mark.parametrize("name", ["service_request", "enquiry", "receipt", "followup"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_other_templates_keep_the_landlords_contact_details(language, name):
    text = render(name, language).text
    assert "0113 496 0000" in text and "complaints@example.org" in text
    assert "https://www.example.org/complaints" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hazard_keeps_the_emergency_numbers(language):
    assert "0800 111 999" in render("service_request", language).text
    assert "0800 111 999" not in render("service_request", language, flags=[]).text


@pytest.mark.parametrize("name", CATEGORIES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_optional_parts_leave_no_gaps(language, name):
    due = RESPONSE_DUE if name.startswith("complaint") else None  # only complaints always have one
    rendered = render(name, language, name=None, response_due=due, outcome=None, flags=[])
    assert "  " not in rendered.short and " ." not in rendered.short
    assert not re.search(r"\n{3,}", rendered.text)
    assert rendered.text.split("\n")[1] == ""  # the greeting stands on its own line


def test_dates_in_the_residents_language():
    friday = date(2026, 1, 2)
    assert longdate(friday, "pl") == "piątek, 2 stycznia 2026"
    assert shortdate(friday, "pl") == "pt., 2 sty"
    assert longdate(friday, "es") == "viernes, 2 de enero de 2026"
    assert not shortdate(date(2026, 12, 4), "ro").endswith(".")  # "vin., 4 dec", then a full stop


def test_english_dates_are_unchanged():
    friday = date(2026, 1, 2)
    assert longdate(friday) == longdate(friday, "en") == "Friday 2 January 2026"
    assert shortdate(friday) == shortdate(friday, "en") == "Fri 2 Jan"
    assert longdate(friday, "xx") == "Friday 2 January 2026"  # no locale: English
    assert longdate(None, "pl") == shortdate(None, "pl") == ""


def test_a_language_without_templates_falls_back_to_english():
    rendered = render("complaint", "so")
    assert rendered.language == "en"
    assert "Dear Tina Example" in rendered.text and "Friday 4 December 2026" in rendered.text
    assert '<html lang="en">' in rendered.html


def test_a_missing_template_falls_back_to_english_for_that_template_only(tmp_path):
    root = tmp_path / "ack"
    shutil.copytree(TEMPLATES, root)
    (root / "pl" / "feedback.txt").unlink()
    feedback = render("feedback", "pl", root=root)
    assert feedback.language == "en" and "Friday 4 December 2026" in feedback.text
    enquiry = render("enquiry", "pl", root=root)
    assert enquiry.language == "pl" and "piątek, 4 grudnia 2026" in enquiry.text


def test_a_language_missing_its_macros_falls_back_to_english(tmp_path):
    root = tmp_path / "ack"
    shutil.copytree(TEMPLATES, root)
    (root / "pl" / "macros.txt").unlink()
    assert render("enquiry", "pl", root=root).language == "en"


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_right_to_left_languages(language):
    rendered = render("complaint", language)
    assert f'<html lang="{language}" dir="rtl">' in rendered.html
    assert '<body dir="rtl"' in rendered.html
    assert rendered.short.startswith("\u200f")  # laid out right to left despite a Latin name
    # phone numbers are isolated, so their groups are not reordered inside Arabic script
    isolated = f"{LRI}0300 111 3000{PDI}"
    assert isolated in rendered.text and isolated in rendered.short
    assert '<a href="https://www.housing-ombudsman.org.uk">' in rendered.html


@pytest.mark.parametrize("language", ["en", "cy", "pl"])
def test_left_to_right_languages_have_no_direction(language):
    rendered = render("complaint", language)
    assert f'<html lang="{language}">' in rendered.html and "rtl" not in rendered.html
    assert not rendered.short.startswith("\u200f")


@pytest.mark.parametrize("landlord", LANDLORD_NAMES)
@pytest.mark.parametrize("name", CATEGORIES)
@pytest.mark.parametrize("language", ("en", *LANGUAGES))
def test_short_texts_fit_two_sms_segments(language, name, landlord):
    worst = longest_short_date(language)
    rendered = render(name, language, LandlordSettings(name=landlord), received=worst,
                      ack_due=worst, response_due=worst)
    assert segments(rendered.short)[1] <= 2, rendered.short


@pytest.mark.parametrize("name", CATEGORIES)
@pytest.mark.parametrize("language", ("en", *LANGUAGES))
def test_a_long_landlord_name_is_trimmed_without_cutting_the_reference(language, name):
    landlord = LandlordSettings(
        name="Northfield and Riverside Valley Community Housing Association")
    short = render(name, language, landlord).short
    fitted = fit(short, 2, REFERENCE)  # as the SMS deliverer fits each text
    assert segments(fitted)[1] <= 2 and REFERENCE in fitted


@pytest.fixture
async def deps(tmp_settings):
    async with pipeline_deps(tmp_settings, clock=lambda: utc(2026, 11, 20, 10, 0)) as made:
        yield made


async def test_a_message_in_polish_is_acknowledged_in_polish(deps):
    text = ("Dzień dobry, od tygodnia w łazience cieknie rura pod umywalką i woda kapie do "
            "mieszkania poniżej. Proszę o pilny kontakt w tej sprawie.")
    raw = raw_api("pl-1", utc(2026, 11, 20, 10, 0), subject="Cieknąca rura", text=text)
    result = await Pipeline(deps).submit(raw)
    async with deps.sessions() as session:
        case = await session.scalar(select(Case))
        [out] = list(await session.scalars(select(Outbound)))
    assert case.language == "pl" and case.reference == result.case_reference
    assert out.language == "pl" and out.channel == "email"
    assert "Dziękujemy za kontakt" in out.body_text and case.reference in out.subject
    assert longdate(case.response_due, "pl") in out.body_text
    assert 'lang="pl"' in out.body_html

