"""Speed and memory of the triage classifier against the issue's targets: prints a table.

Run ``.venv/bin/python tests/benchmarks/bench_triage.py [--json]``. The messages are the training
corpus (realistic lengths and languages). Single-message latency is the median of one
``Triager.classify`` per corpus message (flag rules and language detection included); batch
throughput runs ``classify_batch`` over the corpus repeated to at least 5,000 messages. Load time
and memory are measured in a fresh interpreter so that every import counts.
Not a timed test; it only reports.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from triage.cli import default_workers  # noqa: E402
from triage.corpus_io import load_corpus  # noqa: E402
from triage.language import identifier  # noqa: E402
from triage.model import TriageInput, Triager  # noqa: E402

BATCH_SIZE = 5000
WORKERS = default_workers()  # the CPUs this process may use
# (key, description, unit, target, True when higher is better)
TARGETS = (
    ("single_median_ms", "single message, median", "ms", 2.0, False),
    ("single_p95_ms", "single message, 95th percentile", "ms", None, False),
    ("batch_per_s", f"batch of {BATCH_SIZE:,}, one process", "msg/s", 2000.0, True),
    ("batch_workers_per_s", f"batch of {BATCH_SIZE:,}, {WORKERS} processes", "msg/s", 2000.0, True),
    ("import_and_load_s", "import triage.model + load", "s", 2.0, False),
    ("load_s", "Triager.load() only", "s", 2.0, False),
    ("first_result_s", "load + first classify", "s", None, False),
    ("rss_mb", "RSS after load + classify", "MB", 300.0, False),
    ("peak_rss_mb", "peak RSS (VmHWM)", "MB", None, False),
)

# Runs in a fresh interpreter: nothing is imported before the clock starts.
FRESH_PROCESS = """
import json, sys, time
started = time.perf_counter()
import triage.model
imported = time.perf_counter()
triager = triage.model.Triager.load()
loaded = time.perf_counter()
triager.classify(triage.model.TriageInput("The boiler is broken and we have no heating at all"))
first = time.perf_counter()
from triage.corpus_io import load_corpus
triager.classify_batch([triage.model.TriageInput(e.text, e.subject) for e in load_corpus()])
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
kb = lambda key: int(status[key].split()[0])
print(json.dumps({
    "import_and_load_s": loaded - started, "load_s": loaded - imported,
    "first_result_s": first - imported,
    "rss_mb": kb("VmRSS") / 1024, "peak_rss_mb": kb("VmHWM") / 1024,
}))
"""


def corpus_inputs() -> list[TriageInput]:
    """The training corpus as classifier inputs."""
    return [TriageInput(e.text, e.subject, e.channel, e.received_at) for e in load_corpus()]


def fresh_process_figures() -> dict[str, float]:
    """Load time and memory from a new interpreter, so imports and first-use costs count."""
    out = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def single_latencies(triager: Triager, inputs: list[TriageInput]) -> list[float]:
    """Milliseconds taken by `classify` for each input, one call each."""
    timings = []
    for inp in inputs:
        started = time.perf_counter()
        triager.classify(inp)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def batch_rate(triager: Triager, inputs: list[TriageInput], workers: int = 1) -> float:
    """Messages per second through `classify_batch` over the inputs repeated to BATCH_SIZE
    (forking the worker processes counts)."""
    batch = (inputs * (BATCH_SIZE // len(inputs) + 1))[:BATCH_SIZE]
    started = time.perf_counter()
    triager.classify_batch(batch, workers)
    return len(batch) / (time.perf_counter() - started)


def measure() -> dict[str, float]:
    """Every figure in TARGETS."""
    figures = fresh_process_figures()
    triager, inputs = Triager.load(), corpus_inputs()
    identifier()  # wait for the language model the load started in the background
    triager.classify_batch(inputs[:50])  # warm up
    timings = single_latencies(triager, inputs)
    figures["single_median_ms"] = statistics.median(timings)
    figures["single_p95_ms"] = statistics.quantiles(timings, n=20)[-1]
    figures["batch_per_s"] = batch_rate(triager, inputs)
    figures["batch_workers_per_s"] = batch_rate(triager, inputs, WORKERS)
    return figures


def table(figures: dict[str, float]) -> str:
    """A plain text table: figure, value, target and pass/fail."""
    lines = [f"{'figure':<40} {'value':>12} {'target':>12}  result"]
    for key, text, unit, target, higher in TARGETS:
        value = f"{figures[key]:,.2f} {unit}"
        if target is None:
            lines.append(f"{text:<40} {value:>12} {'':>12}")
            continue
        passed = figures[key] >= target if higher else figures[key] <= target
        bound = f"{'≥' if higher else '≤'} {target:,.0f} {unit}"
        lines.append(f"{text:<40} {value:>12} {bound:>12}  {'pass' if passed else 'FAIL'}")
    return "\n".join(lines)


if __name__ == "__main__":
    results = measure()
    print(json.dumps(results, indent=2) if "--json" in sys.argv[1:] else table(results))
