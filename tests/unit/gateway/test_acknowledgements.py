"""Acknowledgement templates: the contents the guide asks for, on every category and channel."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.acknowledgements import AckRenderer, longdate
from gateway.settings import LandlordSettings

CATEGORIES = ("complaint", "complaint_stage2", "service_request", "asb_report", "compliment",
              "feedback", "enquiry", "receipt", "followup")


def render(name, **extra):
    context = dict(reference="DS-2026-000042", name="Tina Example", received=date(2026, 11, 20),
                   ack_due=date(2026, 11, 27), response_due=date(2026, 12, 4),
                   summary="The <b>leak</b> is back.", outcome="Fix it properly", flags=[], stage=1)
    context.update(extra)
    return AckRenderer(LandlordSettings()).render(name, "en", **context)


@pytest.mark.parametrize("name", CATEGORIES)
def test_every_template_names_the_reference_and_fits_an_sms(name):
    rendered = render(name)
    assert "DS-2026-000042" in rendered.subject + rendered.text
    assert "DS-2026-000042" in rendered.short
    assert len(rendered.short) <= 306, rendered.short  # two concatenated GSM-7 segments
    assert "{{" not in rendered.text and "{%" not in rendered.text


def test_complaint_has_stage_dates_and_ombudsman():
    text = render("complaint").text
    assert "Stage 1" in text
    assert "Friday 4 December 2026" in text
    assert "Housing Ombudsman" in text and "0300 111 3000" in text
    assert "The <b>leak</b> is back." in text  # plain text keeps the resident's words
    assert "Fix it properly" in text


@pytest.mark.parametrize("name", ["service_request", "asb_report", "compliment", "feedback", "enquiry"])
def test_other_categories_say_how_to_complain(name):
    text = render(name).text
    assert "make a complaint" in text


def test_html_escapes_the_residents_words():
    html = render("complaint").html
    assert "<b>leak</b>" not in html and "&lt;b&gt;leak&lt;/b&gt;" in html
    assert '<a href="https://www.housing-ombudsman.org.uk">www.housing-ombudsman.org.uk</a>,' in html
    assert '<a href="https://www.example.org/complaints">' in render("enquiry").html
    assert html.count("<p ") >= 8  # paragraphs survive the optional sections


def test_hazard_adds_emergency_advice():
    assert "999" in render("service_request", flags=["urgent_hazard"]).text
    assert "999" not in render("service_request").text


def test_receipt_promises_a_date():
    assert "Friday 27 November 2026" in render("receipt").text


def test_unknown_language_falls_back_to_english():
    rendered = AckRenderer(LandlordSettings()).render(
        "receipt", "xx", reference="DS-2026-000001", name=None, received=date(2026, 1, 5),
        ack_due=date(2026, 1, 12), response_due=None, summary="", outcome=None, flags=[], stage=None)
    assert rendered.language == "en" and "Dear resident" in rendered.text


def test_longdate():
    assert longdate(date(2026, 1, 2)) == "Friday 2 January 2026"
