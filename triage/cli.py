"""The `doorstep triage` command: classify JSON lines, train the model, evaluate it on a corpus.

`classify` is a stable public contract: one JSON object per input line, in order, flushed per line;
a bad line yields {"id", "error"} and processing continues.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from triage.corpus_io import CorpusError, load_corpus, parse_earlier, parse_timestamp
from triage.labels import LABELS
from triage.model import DEFAULT_MODEL_PATH, ModelError, TriageInput, TriageResult, Triager

EVALUATE_BATCH = 2048  # messages between progress lines (shared among --workers)


class RequestError(ValueError):
    """A classify input line that cannot be used; carries the id when one was readable."""

    def __init__(self, message: str, request_id: Any = None) -> None:
        super().__init__(message)
        self.request_id = request_id


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `triage` command and its classify / train / evaluate sub-commands."""
    parser = subparsers.add_parser("triage", help="classify messages; train and evaluate the model")
    sub = parser.add_subparsers(dest="triage_command", required=True, metavar="COMMAND")

    classify = sub.add_parser("classify", help="JSON lines on stdin → one triage result per line")
    classify.add_argument("--model", type=Path, help="model file (default: bundled model)")
    classify.set_defaults(func=run_classify)

    train = sub.add_parser("train", help="train the model on labelled JSON-lines corpora")
    train.add_argument("--corpus", nargs="+", action="extend", type=Path, metavar="DIR_OR_FILE",
                       help="corpus files or directories (default: triage/corpus/train)")
    train.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="model file to write")
    train.add_argument("--version", help="model version (default: YYYY.MM.DD-N)")
    train.add_argument("--promote-against", type=Path, metavar="HOLDOUT.jsonl",
                       help="train a candidate and replace --out only if it is no worse on this "
                            "held-out file (macro-F1 and complaint recall)")
    train.set_defaults(func=run_train)

    evaluate = sub.add_parser("evaluate", help="score the model against a labelled corpus file")
    evaluate.add_argument("file", type=Path, metavar="FILE.jsonl")
    evaluate.add_argument("--model", type=Path, help="model file (default: bundled model)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.add_argument("--config", help="doorstep.toml whose [triage] thresholds to apply")
    evaluate.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                          help="processes to classify with (default: the CPUs available)")
    evaluate.set_defaults(func=run_evaluate)


def parse_request(line: bytes) -> tuple[Any, TriageInput]:
    """Decode one input line into its id and a TriageInput, or raise RequestError."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise RequestError("line is not UTF-8") from e
    except json.JSONDecodeError as e:
        raise RequestError(f"not JSON: {e.msg}") from e
    if not isinstance(record, dict):
        raise RequestError("expected a JSON object")
    request_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        raise RequestError("missing text" if text is None else "text must be a string", request_id)
    try:
        received_at = parse_timestamp(record.get("received_at"))
    except (ValueError, TypeError) as e:
        raise RequestError(f"bad received_at: {record.get('received_at')!r}", request_id) from e
    try:
        earlier = parse_earlier(record.get("earlier"))
    except (ValueError, TypeError) as e:
        raise RequestError(f"bad earlier: {e}", request_id) from e
    return request_id, TriageInput(
        text=text,
        subject=optional_str(record.get("subject")),
        channel=optional_str(record.get("channel")),
        received_at=received_at,
        earlier=earlier,
    )


def optional_str(value: Any) -> str | None:
    """None stays None; anything else becomes its string form."""
    return None if value is None else str(value)


def result_record(request_id: Any, result: TriageResult) -> dict[str, Any]:
    """The public output object for one classified line."""
    return {
        "id": request_id,
        "category": result.category.value,
        "confidence": result.confidence,
        "probabilities": result.probabilities,
        "flags": list(result.flags),
        "reasons": list(result.reasons),
    }


def classify_lines(triager: Triager, lines: BinaryIO, out: TextIO) -> None:
    """Classify each non-blank line and write its result (or error) at once."""
    for line in lines:
        if not line.strip():
            continue
        try:
            request_id, inp = parse_request(line)
            record = result_record(request_id, triager.classify(inp))
        except RequestError as e:
            record = {"id": e.request_id, "error": str(e)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def run_classify(args: argparse.Namespace) -> int:
    """`triage classify`: 0 unless the model or stdin cannot be read."""
    try:
        triager = Triager.load(args.model)
    except ModelError as e:
        print(f"triage classify: {e}", file=sys.stderr)
        return 2
    try:
        classify_lines(triager, sys.stdin.buffer, sys.stdout)
    except OSError as e:
        print(f"triage classify: cannot read stdin: {e}", file=sys.stderr)
        return 1
    return 0


def say(message: str) -> None:
    """Progress on stderr."""
    print(message, file=sys.stderr, flush=True)


def run_train(args: argparse.Namespace) -> int:
    """`triage train`."""
    from triage.train import train  # scikit-learn fitting code is only needed here

    target = args.out.with_suffix(".candidate.skops") if args.promote_against else args.out
    try:
        meta = train(args.corpus, target, args.version, progress=say)
    except CorpusError as e:
        say(f"triage train: {e}")
        return 1
    say(f"cv macro-F1 {meta['cv']['chosen']['macro_f1']:.3f}, "
        f"complaint recall {meta['cv']['chosen']['complaint_recall']:.3f}")
    return promote(target, args.out, args.promote_against) if args.promote_against else 0


def promote(candidate: Path, current: Path, holdout: Path) -> int:
    """Keep the candidate only if it is no worse on the held-out set; 3 when it is refused."""
    from triage.promotion import promote_if_no_worse

    verdict = promote_if_no_worse(candidate, current, holdout)
    say(f"{'promoted' if verdict.promoted else 'not promoted'}: {verdict.reason}")
    for path in (candidate, candidate.with_suffix(".json")):
        path.unlink(missing_ok=True)
    return 0 if verdict.promoted else 3


def default_workers() -> int:
    """The CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def classify_in_batches(triager: Triager, inputs: list[TriageInput],
                        workers: int = 1) -> Iterator[TriageResult]:
    """Classify in batches, reporting progress on stderr."""
    for start in range(0, len(inputs), EVALUATE_BATCH):
        yield from triager.classify_batch(inputs[start : start + EVALUATE_BATCH], workers)
        say(f"classified {min(start + EVALUATE_BATCH, len(inputs))}/{len(inputs)}")


def configured_thresholds(config: str | None) -> dict[str, float]:
    """The review thresholds of --config, $DOORSTEP_CONFIG or ./doorstep.toml, else the defaults."""
    from gateway.cli import find_config
    from gateway.settings import load_settings

    settings = load_settings(find_config(config)).triage
    return {label: settings.threshold_for(label) for label in LABELS}


def run_evaluate(args: argparse.Namespace) -> int:
    """`triage evaluate FILE.jsonl`."""
    from triage.evaluation import evaluate, format_report

    try:
        examples = load_corpus([args.file])
        triager = Triager.load(args.model)
    except (CorpusError, ModelError) as e:
        say(f"triage evaluate: {e}")
        return 1
    inputs = [TriageInput(e.text, e.subject, e.channel, e.received_at, e.earlier) for e in examples]
    results = list(classify_in_batches(triager, inputs, max(1, args.workers)))
    report = evaluate(examples, results, triager.version, configured_thresholds(args.config))
    print(json.dumps(report.to_dict(), ensure_ascii=False) if args.json else format_report(report))
    return 0
