"""Throughput of ``parse_email`` on a mix of typical mails: prints mails per second.

Run ``.venv/bin/python tests/benchmarks/bench_email_parse.py [seconds]``. The mix is this
repository's own fixtures plus the reply-style corpus mails (talon's client replies, the
Zapier bodies, Zammad's two mails), when the shared corpora are present. Large spam samples
are left out: they are not typical resident mail. Not a timed test; it only reports.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from channels.email_parse import parse_email  # noqa: E402

CORPORA = ROOT / ".." / "shared" / "corpora"
CORPUS_GLOBS = (
    "talon-mailgun/fixtures/standard_replies/*.eml",
    "email-reply-parser-zapier/emails/*.txt",
    "zammad-mail-sample/mails/*.box",
)


def typical_mails() -> list[bytes]:
    """Raw bytes of the benchmark mix."""
    paths = sorted((ROOT / "tests" / "fixtures" / "email").glob("*.eml"))
    if CORPORA.is_dir():
        for pattern in CORPUS_GLOBS:
            paths += sorted(CORPORA.glob(pattern))
    return [p.read_bytes() for p in paths]


def run(seconds: float = 3.0) -> float:
    """Parse the mix repeatedly for about ``seconds``; returns mails per second."""
    mails = typical_mails()
    for raw in mails:  # warm up: the language model loads on first use
        parse_email(raw)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for raw in mails:
            parse_email(raw)
        count += len(mails)
    rate = count / (time.perf_counter() - started)
    print(f"{len(mails)} distinct mails, {count} parses: {rate:,.0f} mails/s")
    return rate


if __name__ == "__main__":
    run(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
