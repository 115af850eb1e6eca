"""The ``doorstep`` command: serve, db upgrade, staff accounts, replay, and triage tools."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys
from pathlib import Path

from gateway.errors import ConfigError
from gateway.settings import Settings, load_settings

log = logging.getLogger("doorstep")


def find_config(given: str | None) -> Path | None:
    """``--config``, else ``$DOORSTEP_CONFIG``, else ``./doorstep.toml`` if present."""
    if given:
        return Path(given)
    if os.environ.get("DOORSTEP_CONFIG"):
        return Path(os.environ["DOORSTEP_CONFIG"])
    local = Path("doorstep.toml")
    return local if local.exists() else None


def settings_from(args: argparse.Namespace, **overrides) -> Settings:
    return load_settings(find_config(getattr(args, "config", None)), **overrides)


def cmd_serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from gateway.app import make_app

    server = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    settings = settings_from(args, **({"server": server} if server else {}))
    print(f"Doorstep listening on http://{settings.server.host}:{settings.server.port}/ "
          f"(resident form at /, staff at /staff, API at /api/v1)", file=sys.stderr)
    web.run_app(make_app(settings), host=settings.server.host, port=settings.server.port,
                print=None, access_log_format='%a "%r" %s %b %Tfs')
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from gateway.db import upgrade

    settings = settings_from(args)
    upgrade(settings.database.url, args.revision)
    print(f"database at revision {args.revision}", file=sys.stderr)
    return 0


def cmd_staff_add(args: argparse.Namespace) -> int:
    from gateway.staff_accounts import add_staff

    password = os.environ.get("DOORSTEP_STAFF_PASSWORD") or getpass.getpass("Password: ")
    if len(password) < 12:
        print("error: a staff password needs at least 12 characters", file=sys.stderr)
        return 2
    settings = settings_from(args)
    asyncio.run(add_staff(settings, args.username, args.name or args.username, password))
    print(f"staff account {args.username!r} saved", file=sys.stderr)
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from gateway.maintenance import replay

    count = asyncio.run(replay(settings_from(args), args.message))
    print(f"{count} message(s) queued to run again", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from gateway.importer import import_lines

    settings = settings_from(args)
    with open(args.file, encoding="utf-8") as lines:
        report = asyncio.run(import_lines(settings, lines))
    for error in report.errors:
        print(error, file=sys.stderr)
    print(f"import: {report.created} new, {report.repeated} already known, "
          f"{len(report.errors)} errors; categories: {dict(report.categories)}", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_decisions_export(args: argparse.Namespace) -> int:
    from gateway.decisions import export_decisions

    count = asyncio.run(export_decisions(settings_from(args), Path(args.file)))
    print(f"{count} staff decision(s) written to {args.file}; fold them in with "
          f"`doorstep triage train --corpus triage/corpus/train {args.file}`", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="doorstep", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the gateway")
    serve.add_argument("--config", help="a doorstep.toml (default: the embedded default)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db", required=True)
    up = db.add_parser("upgrade", help="apply migrations")
    up.add_argument("--config")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(func=cmd_db_upgrade)

    staff = sub.add_parser("staff", help="staff accounts").add_subparsers(dest="staff", required=True)
    add = staff.add_parser("add", help="create or reset a staff account "
                           "(password from DOORSTEP_STAFF_PASSWORD or a prompt)")
    add.add_argument("--config")
    add.add_argument("username")
    add.add_argument("--name", help="display name")
    add.set_defaults(func=cmd_staff_add)

    replay = sub.add_parser("replay", help="run failed messages through the pipeline again")
    replay.add_argument("--config")
    replay.add_argument("--message", type=int, help="one message id (default: every failed one)")
    replay.set_defaults(func=cmd_replay)

    decisions = sub.add_parser("decisions", help="staff triage decisions").add_subparsers(
        dest="decisions", required=True)
    export = decisions.add_parser("export", help="write staff decisions as training JSON lines")
    export.add_argument("--config")
    export.add_argument("file")
    export.set_defaults(func=cmd_decisions_export)

    importer = sub.add_parser("import", help="load messages from a JSON lines file (API fields)")
    importer.add_argument("--config")
    importer.add_argument("file")
    importer.set_defaults(func=cmd_import)

    from channels.email_cli import register as register_email
    from triage.cli import register as register_triage

    register_triage(sub)
    register_email(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s", stream=sys.stderr)
    try:
        return args.func(args)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
