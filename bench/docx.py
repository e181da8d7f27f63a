#!/usr/bin/env python3
"""What writing a report as Word costs, beside the same report as HTML, measured in the same run.

    python3 bench/docx.py [UNITS ...]        (default: 1000 10000 30000; after `swift build -c release`)

Builds the report workspace `bench/run.py` builds (12 months of forms and activities for UNITS units), then times
`loa report phase … --format html` and `--format docx` (best of 3, peak memory), and the default run that writes
Markdown, HTML and Word together. Prints a Markdown table; ratio = Word ÷ HTML.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench_run", os.path.join(HERE, "run.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 30_000]
    os.makedirs(bench.WORK, exist_ok=True)
    print("| units | HTML | Word | ratio | Word RSS | HTML RSS | all three (default) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for units in sizes:
        bench.bench_reports(units, [])  # the workspace and its database, as `make bench` makes them
        w = os.path.join(bench.WORK, "reports")
        cmd = [bench.LOA, "--workspace", w, "--today", "2027-01-10", "report", "phase", "digital", "2.1",
               "--from", "2026-01-01", "--to", "2026-12-31"]
        out = os.path.join(bench.WORK, "report")
        t_html, m_html = bench.best_of(3, cmd + ["--format", "html", "-o", out + ".html"])
        t_docx, m_docx = bench.best_of(3, cmd + ["--format", "docx", "-o", out + ".docx"])
        t_all, _ = bench.best_of(3, cmd)
        print(f"| {units:,} | {t_html:.2f} s | {t_docx:.2f} s | {t_docx / t_html:.2f} | {m_docx:.0f} MiB | "
              f"{m_html:.0f} MiB | {t_all:.2f} s |")


if __name__ == "__main__":
    main()
