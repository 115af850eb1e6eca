"""Separating a resident's new words from quoted history, mobile footers, disclaimers and signatures."""

from __future__ import annotations

import time

import pytest

from channels.email_reply import is_attribution, split_reply

NEW = "The boiler has stopped working again and we have no hot water."


@pytest.mark.parametrize("header", [
    "On Thu, 19 Nov 2026 at 09:12, Repairs Team <repairs@example.org> wrote:",  # Gmail
    "On 19 Nov 2026, at 09:12, Repairs Team <repairs@example.org> wrote:",  # Apple Mail
    "On 19/11/2026 09:12, Repairs Team wrote:",  # Thunderbird
    "On Thursday, 19 November 2026, 09:12:01 GMT, Repairs <repairs@example.org> wrote:",  # Yahoo
    "Am 19.11.2026 um 09:12 schrieb Repairs Team <repairs@example.org>:",  # German
    "Le jeu. 19 nov. 2026 à 09:12, Repairs Team <repairs@example.org> a écrit :",  # French
    "Op 19 nov. 2026 om 09:12 heeft Repairs Team <repairs@example.org> het volgende geschreven:",
    "Op 19-11-2026 09:12 schreef Repairs Team <repairs@example.org>:",  # Dutch
    "W dniu 19.11.2026 o 09:12, Repairs Team <repairs@example.org> pisze:".replace("pisze", "napisał"),
    "Den 19 nov. 2026 kl. 09:12 skrev Repairs Team <repairs@example.org>:",  # Swedish/Danish
    "På 19. nov. 2026 kl. 09:12 skrev Repairs Team <repairs@example.org>:",  # Norwegian
    "El jue, 19 nov 2026 a las 09:12, Repairs Team (<repairs@example.org>) escribió:",  # Spanish
    "Em qui., 19 de nov. de 2026 às 09:12, Repairs Team <repairs@example.org> escreveu:",
    "Il giorno gio 19 nov 2026 alle ore 09:12 Repairs Team <repairs@example.org> ha scritto:",
    "Ar 19 Tach 2026, am 09:12, ysgrifennodd Repairs Team <repairs@example.org>:",  # Welsh
    "19.11.2026, 09:12, \"Repairs Team\" <repairs@example.org>:",  # Yandex
    "2026-11-19 9:12 GMT+00:00 Repairs Team <repairs@example.org>:",  # Gmail, some locales
    "---- Repairs Team wrote ----",  # Android
])
def test_reply_headers_in_many_clients_and_languages(header: str) -> None:
    parts = split_reply(f"{NEW}\n\n{header}\n\n> Thank you for your message.\n> Reference DS-1042.\n")
    assert parts.body == NEW
    assert parts.quoted.startswith(header.split(",")[0])
    assert "Reference DS-1042" in parts.quoted


def test_attribution_wrapped_over_lines_and_unquoted_history() -> None:
    text = (f"{NEW}\n\nOn Thu, 19 Nov 2026 at 09:12, Repairs Team\n<repairs@example.org>\nwrote:\n\n"
            "Thank you for your message (no quote markers here).\n")
    parts = split_reply(text)
    assert parts.body == NEW
    assert "no quote markers" in parts.quoted


@pytest.mark.parametrize("block", [
    "From: Repairs Team <repairs@example.org>\nSent: 19 November 2026 09:12\nTo: Jane Doe\nSubject: RE: Boiler",
    "________________________________\nFrom: Repairs Team <repairs@example.org>\nSent: Thursday, November 19, 2026 9:12 AM\nTo: Jane Doe",
    "*From:* Repairs Team [mailto:repairs@example.org]\n*Sent:* Thursday, 19 November 2026 09:12\n*To:* Jane",
    "Von: Repairs Team <repairs@example.org>\nGesendet: Donnerstag, 19. November 2026 09:12\nAn: Jane\nBetreff: Boiler",
    "De : Repairs Team <repairs@example.org>\nEnvoyé : jeudi 19 novembre 2026 09:12\nÀ : Jane\nObjet : Boiler",
    "Van: Repairs Team <repairs@example.org>\nVerzonden: donderdag 19 november 2026 09:12\nAan: Jane",
    "Od: Repairs Team <repairs@example.org>\nWysłane: czwartek, 19 listopada 2026 09:12\nDo: Jane",
    "Från: Repairs Team <repairs@example.org>\nSkickat: den 19 november 2026 09:12\nTill: Jane",
    "De: Repairs Team <repairs@example.org>\nEnviado: jueves, 19 de noviembre de 2026 9:12\nPara: Jane",
    "Da: Repairs Team <repairs@example.org>\nInviato: giovedì 19 novembre 2026 09:12\nA: Jane",
    "-----Original Message-----\nFrom: Repairs Team\nSent: 19 November 2026 09:12",
    "-------- Original message --------\nFrom: Repairs Team <repairs@example.org>\nDate: 19/11/2026 09:12",
    "-----Ursprüngliche Nachricht-----\nVon: Repairs Team",
    "Date: Thu, 19 Nov 2026 09:12:00 +0000\nTo: jane@example.org",
])
def test_outlook_blocks_and_original_message_rules(block: str) -> None:
    parts = split_reply(f"{NEW}\n\n{block}\n\nWe have booked an engineer.\n")
    assert parts.body == NEW
    assert "booked an engineer" in parts.quoted


def test_text_below_and_between_quotes_is_new() -> None:
    text = ("On Thu, 19 Nov 2026 at 09:12, Repairs <repairs@example.org> wrote:\n"
            "> Which room is affected?\n\nThe bathroom.\n\n> When did it start?\n\nLast week.\n")
    parts = split_reply(text)
    assert parts.body == "The bathroom.\n\nLast week."
    assert "Which room" in parts.quoted and "When did it start" in parts.quoted


def test_forwarded_message_is_history_and_the_note_is_the_body() -> None:
    text = ("Please look at this.\n\n---------- Forwarded message ---------\n"
            "From: Chris <chris@example.org>\nDate: Mon, 16 Nov 2026\nSubject: Noise\n\nLoud music.\n")
    parts = split_reply(text)
    assert parts.body == "Please look at this."
    assert parts.quoted.startswith("---------- Forwarded message") and "Loud music." in parts.quoted


@pytest.mark.parametrize("footer", [
    "Sent from my iPhone", "Sent from my Samsung Galaxy smartphone.", "Sent from Samsung Mobile",
    "Get Outlook for Android", "Get Outlook for iOS<https://aka.ms/o0ukef>",
    "Sent from Yahoo Mail on Android", "Sent from Mail for Windows", "Von meinem iPhone gesendet",
    "Envoyé de mon iPhone", "Enviado desde mi iPhone", "Verzonden vanaf mijn iPhone",
])
def test_mobile_footers_are_signatures(footer: str) -> None:
    parts = split_reply(f"{NEW}\n\n{footer}\n")
    assert (parts.body, parts.signature) == (NEW, footer)


def test_sent_from_in_a_sentence_is_not_a_footer() -> None:
    text = "Here is my note.\n\nSent from my desk, is much easier then my mobile phone."
    assert split_reply(text).signature == ""


def test_legal_disclaimer_is_not_body() -> None:
    text = (f"{NEW}\n\nThis email and any attachments are confidential and intended solely for the "
            "addressee.\nIf you are not the intended recipient, please delete it.")
    parts = split_reply(text)
    assert parts.body == NEW
    assert parts.signature.startswith("This email and any attachments")


@pytest.mark.parametrize(("ending", "signature"), [
    ("\n\n-- \nJane Doe\nFlat 3", "--\nJane Doe\nFlat 3"),
    ("\n\nThanks,\nJane Doe\n12 Example Road\n07700 900123", "Thanks,\nJane Doe\n12 Example Road\n07700 900123"),
    ("\n\nKind regards,\nJane", "Kind regards,\nJane"),
    ("\n\nRegards, Jane", "Regards, Jane"),
    ("\n\nMit freundlichen Grüßen\nJonas Beispiel", "Mit freundlichen Grüßen\nJonas Beispiel"),
    ("\n\nDiolch,\nSiân", "Diolch,\nSiân"),
    ("\n\nJane Doe\n07700 900123\njane@example.org", "Jane Doe\n07700 900123\njane@example.org"),
])
def test_signatures(ending: str, signature: str) -> None:
    parts = split_reply(NEW + ending)
    assert (parts.body, parts.signature) == (NEW, signature)


def test_signature_found_by_sender_name() -> None:
    parts = split_reply(f"{NEW}\n\nJane Doe\nvia mobile", sender_name="Jane Doe")
    assert parts.signature == "Jane Doe\nvia mobile"


def test_a_message_that_is_only_thanks_keeps_its_body() -> None:
    assert split_reply("Thank you so much!").body == "Thank you so much!"
    assert split_reply("Thanks,\nJane").body == "Thanks,\nJane"


@pytest.mark.parametrize("text", [
    "On Monday the boiler broke.\nIt is still broken.",
    "Blah-blah-blah\nOn blah-blah-blah",
    "I wrote to you on Monday:\nplease reply.",
    "Visit us now for assistance...\n>>> >>>  http://www.example.org <<<\nVisit our site",
    "And here is a fix -- this is not a signature.\n\nkthxbai",
    "Out of office hours the emergency line is 0800 000 000.\nFrom: tomorrow I am away.",
])
def test_ordinary_text_is_left_alone(text: str) -> None:
    parts = split_reply(text)
    assert parts.quoted == ""
    assert parts.body.replace("\n", "") == text.replace("\n", "")


@pytest.mark.parametrize(("text", "body"), [
    # upstream talon inputs for test_reply_and_quotation_splitter_share_line (see the corpus report)
    ("reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:\n> Hi", "reply"),
    ("reply--- On Wed, Apr 4, 2012 at 3:59 PM, me@domain.com wrote:\n> Hi", "reply"),
    ("reply\nbla-bla - bla--- On Wed, Apr 4, 2012 at 3:59 PM, me@domain.com wrote:\n> Hi", "reply\nbla-bla - bla"),
])
def test_header_on_the_same_line_as_the_reply(text: str, body: str) -> None:
    assert split_reply(text).body == body


def test_crlf_and_lone_cr_line_endings() -> None:
    text = f"{NEW}\r\n\r\nOn 19/11/2026 09:12, Repairs wrote:\r\n> Hi\r\n"
    assert split_reply(text).body == NEW
    assert split_reply(text.replace("\r\n", "\r")).body == NEW


def test_attribution_needs_a_date_or_address() -> None:
    assert is_attribution("On 19/11/2026 09:12, Repairs wrote:")
    assert not is_attribution("On Monday I wrote:")
    assert not is_attribution("My neighbour wrote:")


def test_pathological_input_is_fast() -> None:
    long_line = "ACGT" * 20_000
    text = "\n".join([NEW, "On " + long_line + " wrote:", "> " + long_line, long_line + ":"] * 50)
    started = time.perf_counter()
    split_reply(text)
    assert time.perf_counter() - started < 1.0
