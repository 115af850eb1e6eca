"""``doorstep email parse FILE...``: one JSON line per file with what the email parser read.

The line's fields are a stable contract for scripts. A file that cannot be read or parsed
still gets a line, with ``file`` and ``error``; the command exits 0 whatever the input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from channels.email_parse import ParsedEmail, parse_email
from gateway.errors import ParseError
from triage.language import detect_language

MAX_FILE_BYTES = 50 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``email parse`` to the ``doorstep`` command."""
    email = subparsers.add_parser("email", help="email channel tools")
    commands = email.add_subparsers(dest="email_command", required=True)
    parse = commands.add_parser("parse", help="parse .eml files and print one JSON line each")
    parse.add_argument("files", nargs="+", metavar="FILE", help="raw RFC 5322 message files")
    parse.set_defaults(func=cmd_email_parse)


def cmd_email_parse(args: argparse.Namespace) -> int:
    """Print one JSON object per file; never fails on the files' content."""
    for name in args.files:
        print(json.dumps(parse_file(name), ensure_ascii=False), flush=True)
    return 0


def parse_file(name: str) -> dict[str, Any]:
    """The JSON record for one file, or ``{"file", "error"}``."""
    try:
        path = Path(name)
        if path.stat().st_size > MAX_FILE_BYTES:
            return {"file": name, "error": f"larger than {MAX_FILE_BYTES} bytes"}
        return {"file": name, **as_record(parse_email(path.read_bytes()))}
    except ParseError as e:
        return {"file": name, "error": str(e)}
    except OSError as e:
        return {"file": name, "error": f"cannot read: {e.strerror or e}"}
    except Exception as e:  # the contract: a line for every file, whatever happened
        print(f"email.parse.failure {name}: {e!r}", file=sys.stderr)
        return {"file": name, "error": f"{type(e).__name__}: {e}"}


def as_record(parsed: ParsedEmail) -> dict[str, Any]:
    """The command's JSON fields for a parsed email."""
    return {
        "from": {"address": parsed.from_address, "name": parsed.from_name},
        "to": list(parsed.to),
        "subject": parsed.subject,
        "date": parsed.date.isoformat() if parsed.date else None,
        "message_id": parsed.message_id,
        "in_reply_to": parsed.in_reply_to,
        "references": list(parsed.references),
        "body_text": parsed.body_text,
        "quoted_text": parsed.quoted_text,
        "signature": parsed.signature,
        "attachments": [{"filename": a.filename, "content_type": a.content_type,
                         "size": len(a.data)} for a in parsed.attachments],
        "is_auto_reply": parsed.is_auto_reply,
        "language": detect_language(parsed.body_text or parsed.text),
    }
