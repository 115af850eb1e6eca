"""The email parser against the shared corpora (Zapier, talon, mail-parser, Zammad), read in place.

Targets: every file parses; at least 98% of expected header values and 90% of expected reply
texts match. Expectations that belong to another library's own model are excluded with their
reason in ``tests/benchmarks/email_corpus_report.py`` (``EXCLUDED``), never dropped silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora"
NAMES = ("email-reply-parser-zapier", "talon-mailgun", "mail-parser-spamscope", "zammad-mail-sample")

if not all((CORPORA / name).is_dir() for name in NAMES):
    pytest.skip(f"shared email corpora not found under {CORPORA.resolve()}", allow_module_level=True)

from tests.benchmarks.email_corpus_report import (  # noqa: E402
    CORPORA as REPORT_CORPORA, EXCLUDED, TARGETS, all_checks, percentages, report,
)


@pytest.fixture(scope="module")
def checks():
    return all_checks()


def test_report_reads_the_same_corpora() -> None:
    assert REPORT_CORPORA.resolve() == CORPORA.resolve()


def test_every_file_parses(checks) -> None:
    failures = [c for c in checks if c.kind == "parse" and not c.ok]
    assert not failures, failures
    assert sum(c.kind == "parse" for c in checks) >= 100


def test_pathological_zapier_mail_parses_within_a_second(checks) -> None:
    [check] = [c for c in checks if c.kind == "parse" and c.where.endswith("pathological.txt")]
    assert check.ok, check.detail


@pytest.mark.parametrize("kind", ["header", "reply"])
def test_targets(checks, kind: str) -> None:
    pct, passed, total = percentages(checks)[kind]
    assert total >= 20
    assert pct >= TARGETS[kind], report(checks)


def test_summary(checks, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\nemail corpus:\n" + report(checks).split("excluded:")[0])
    assert EXCLUDED and all(reason for reason in EXCLUDED.values())


def test_outlook_msg_file_is_read() -> None:
    from channels.email_parse import parse_email

    parsed = parse_email((CORPORA / "mail-parser-spamscope" / "mails" / "mail_outlook_1").read_bytes())
    assert parsed.from_address == "NueblingV@w-vwa.de"
    assert parsed.subject and parsed.subject.startswith("Newsletter")
    assert [a.filename for a in parsed.attachments][:2] == ["newsletter.png", "spacer.gif"]
    assert len(parsed.attachments) == 5 and "OutlookMsgFile" in parsed.defects
