"""`python -m triage classify|train|evaluate`: the triage commands without the gateway CLI."""

from __future__ import annotations

import argparse
import sys

from triage.cli import register


def main(argv: list[str] | None = None) -> int:
    """Parse the triage sub-command and run it."""
    parser = argparse.ArgumentParser(prog="python -m")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["triage", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
