"""Rendering speed of printable forms (DESIGN.md budget: under 50 ms an intake or consent).

Run from the repository root:  python -m benchmarks.bench_forms [--rounds N]

Reports figures only; the test suite asserts behaviour, never time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from forms import render_pdf, shipped_library
from forms.examples import answers_for, context_for


def _timings(action: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def _report(name: str, times: list[float], unit: str = "ms") -> None:
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"{name:<38} median {statistics.median(times):8.1f} {unit}   p95 {p95:8.1f} {unit}"
        f"   min {times[0]:8.1f} {unit}   (n={len(times)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60, help="renders per measurement")
    parser.add_argument("--batches", type=int, default=5, help="batches of 100 forms to time")
    args = parser.parse_args()

    start = time.perf_counter()
    library = shipped_library()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"load shipped definitions (once per process): {elapsed:.1f} ms")

    intake = library.get("intake")
    consent = library.get("consent_treatment")
    intake_answers, intake_context = answers_for(intake), context_for("intake")
    consent_answers, consent_context = answers_for(consent), context_for("consent_treatment")

    start = time.perf_counter()
    render_pdf(intake, intake_answers, context=intake_context)  # registers fonts
    print(
        f"first render (font registration included): {(time.perf_counter() - start) * 1000:.1f} ms"
    )

    def filled_intake() -> bytes:
        return render_pdf(intake, intake_answers, context=intake_context)

    def signed_consent() -> bytes:
        return render_pdf(consent, consent_answers, context=consent_context, lang="fr")

    def blank_intake() -> bytes:
        return render_pdf(intake, None, context=intake_context, paper="letter")

    _report("filled intake (2 pages, A4, en)", _timings(filled_intake, args.rounds))
    _report("signed consent (3 images, A4, fr)", _timings(signed_consent, args.rounds))
    _report("blank intake (3 pages, Letter)", _timings(blank_intake, args.rounds))

    forms = library.latest()
    jobs = [
        (d, answers_for(d), context_for(d.id, record_id=f"rec-{i:04d}"))
        for i, d in enumerate(forms * 10)
    ]
    jobs = (jobs * 2)[:100]

    def batch() -> None:
        for definition, answers, context in jobs:
            render_pdf(definition, answers, context=context, lang="sw")

    times = [t / 1000 for t in _timings(batch, args.batches)]
    _report("batch of 100 mixed filled forms", times, "s")
    print(f"  = {statistics.median(times) * 1000 / len(jobs):.1f} ms a form")


if __name__ == "__main__":
    main()
