"""``doorstep email parse``: one JSON line per file, an error line for a bad file, exit 0."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from channels.email_cli import register

FIXTURES = Path(__file__).parents[2] / "fixtures" / "email"
ROOT = Path(__file__).resolve().parents[3]
FIELDS = {"file", "from", "to", "subject", "date", "message_id", "in_reply_to", "references",
          "body_text", "quoted_text", "signature", "attachments", "is_auto_reply", "language"}
# The same wiring as gateway/cli.py: register() on the top-level subparsers.
HARNESS = (
    "import argparse, sys\n"
    "from channels.email_cli import register\n"
    "parser = argparse.ArgumentParser(prog='doorstep')\n"
    "register(parser.add_subparsers(dest='command', required=True))\n"
    "args = parser.parse_args(sys.argv[1:])\n"
    "sys.exit(args.func(args))\n"
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", HARNESS, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_json_lines_for_good_and_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    result = run("email", "parse", str(FIXTURES / "reply_gmail.eml"), str(tmp_path / "missing.eml"),
                 str(empty), str(FIXTURES / "attachments.eml"))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    reply, missing, blank, files = lines
    assert set(reply) == FIELDS
    assert reply["from"] == {"address": "Jane.Doe@example.org", "name": "Jane Doe"}
    assert reply["date"] == "2026-11-20T10:00:00+00:00"
    assert reply["references"] == ["<req-1042@mail.example.org>", "<ack-1042@landlord.example.org>"]
    assert reply["signature"].startswith("Thanks,") and "Thanks" not in reply["body_text"]
    assert set(missing) == {"file", "error"} and missing["file"].endswith("missing.eml")
    assert set(blank) == {"file", "error"}
    assert [a["filename"] for a in files["attachments"]] == ["image-1.png", "bathroom.jpg", "tenancy letter £.pdf"]
    assert all(a["size"] > 0 for a in files["attachments"])


def test_usage_error_exits_2() -> None:
    assert run("email", "parse").returncode == 2
    assert run("email").returncode == 2


def test_direct_call_prints_a_line_per_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="doorstep")
    register(parser.add_subparsers(dest="command", required=True))
    text_only = tmp_path / "pasted.txt"
    text_only.write_text("Hello\n\nSent from my iPhone\n")
    args = parser.parse_args(["email", "parse", str(FIXTURES / "auto_reply_ooo.eml"), str(text_only), str(tmp_path)])
    assert args.func(args) == 0
    ooo, pasted, folder = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert ooo["is_auto_reply"] is True
    assert (pasted["body_text"], pasted["signature"], pasted["date"]) == ("Hello", "Sent from my iPhone", None)
    assert "error" in folder
