#!/usr/bin/env python3
"""How Loa's parse time grows with input size: each input at 1x, 10x and 100x its size, up to the limits.

    swift build -c release && python3 bench/parse_scaling.py        # about a minute on 2 cores

Times `loa import` (release build) on inputs that stress the parsers:

- a long CSV row: 1,000 fields (the field-count limit) of 10, 100 and 1,000 bytes, so the row grows to just
  under the 1 MiB row limit. The header has 7 columns, so each row is read whole and then rejected;
- a long YAML scalar: a report form whose Vietnamese summary is 10 KB, 100 KB and 1 MB (under the 1 MiB file
  limit), imported end to end (parse, validate, record, index for search);
- a long table: 2,000, 20,000 and 200,000 valid activity rows, imported end to end.

Small inputs parse in less time than a process takes to start, so one command imports `copies` files of a
size at once, and the same command on as many minimal files is subtracted: "per file" is what the size
itself costs. "growth" is that cost over the cost at the size before: linear parsing shows about 10 for
each tenfold step, quadratic parsing about 100. Each time is the best of three runs.
Python 3 standard library only; data are generated with a fixed seed.
"""
import os
import random
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOA = os.path.join(ROOT, ".build", "release", "loa")
WORK = os.path.join(ROOT, "bench", "work", "scaling")
WORDS = ("đoàn viên đồng tình với chủ trương mong sớm có thêm tài liệu giới thiệu bảo tàng đảng chuyển đổi số "
         "nhà khách hồ tây công đoàn cơ sở tuyên truyền hội nghị quán triệt kế hoạch tiến độ cán bộ").split()
HEADER = "unit,date,type,title,themes,participants,items\n"
ROW = "cdcs-so-gddt,2026-11-%02d,hoi-nghi,Hội nghị quán triệt số %d,museum/1.1/a,%d,\n"


def words(rng, size):
    out, n = [], 0
    while n < size:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w.encode()) + 1
    return " ".join(out)


def long_row(rng, field_bytes):
    field = words(rng, field_bytes).replace(",", " ")[:field_bytes]
    return (HEADER + ",".join([field] * 1000) + "\n").encode()


def long_scalar(rng, size):
    return ("---\nform: loa-report/1\nunit: cdcs-so-gddt\nperiod: 2026-11\nsubmitted: 2026-12-02\nfeedback:\n"
            "  mood: on-dinh\n  summary: " + words(rng, size) + "\n---\n").encode()


def long_table(rng, rows):
    return (HEADER + "".join(ROW % (1 + i % 28, i, i % 60) for i in range(rows))).encode()


CASES = [
    # name, extension, generator, sizes, unit, copies per command
    ("long CSV row", "csv", long_row, [10, 100, 1000], "B/field", 50),
    ("long YAML scalar", "md", long_scalar, [10_000, 100_000, 1_000_000], "B", 10),
    ("long table", "csv", long_table, [2_000, 20_000, 200_000], "rows", 1),
]


def workspace():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "ws", "calendars"))
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(WORK, "ws", "content"))
    shutil.copy(os.path.join(ROOT, "calendars", "observances.ics"), os.path.join(WORK, "ws", "calendars"))
    return os.path.join(WORK, "ws")


def timed_import(ws, paths):
    """Seconds for one import of `paths` into a fresh database, best of three."""
    best = None
    for _ in range(3):
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(os.path.join(ws, "loa.sqlite" + suffix))
            except FileNotFoundError:
                pass
        start = time.perf_counter()
        p = subprocess.run([LOA, "--workspace", ws, "--today", "2026-12-06", "--quiet", "import"] + paths,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if p.returncode not in (0, 65):
            sys.exit("loa import failed with %d:\n%s" % (p.returncode, p.stderr.decode(errors="replace")[-2000:]))
        best = elapsed if best is None else min(best, elapsed)
    return best, p.returncode


def write_copies(name, ext, data_for, copies):
    """`copies` files; the form copies differ by a line, so each is recorded rather than found unchanged."""
    paths = []
    for k in range(copies):
        path = os.path.join(WORK, "%s-%d.%s" % (name, k, ext))
        with open(path, "wb") as f:
            f.write(data_for(k))
        paths.append(path)
    return paths


def main():
    if not os.access(LOA, os.X_OK):
        sys.exit("no release build at %s: run swift build -c release" % LOA)
    ws = workspace()
    rng = random.Random(7)
    print("Loa parse scaling: release build, best of 3, seconds\n")
    print("%-17s %13s %7s %9s %9s %9s %7s  %s" % ("input", "size", "files", "command", "minimal", "per file", "growth", "result"))
    for name, ext, make, sizes, unit, copies in CASES:
        slug = name.replace(" ", "-")
        minimal = make(rng, sizes[0] // 100 or 1)
        base, _ = timed_import(ws, write_copies(slug + "-minimal", ext, lambda k: vary(minimal, ext, k), copies))
        previous = None
        for size in sizes:
            data = make(rng, size)
            t, code = timed_import(ws, write_copies("%s-%d" % (slug, size), ext, lambda k: vary(data, ext, k), copies))
            per_file = max(t - base, 1e-5) / copies
            growth = "" if previous is None else "%.1fx" % (per_file / previous)
            shown = "%d %s" % (size, unit) if unit == "rows" else "%.0f KB" % (len(data) / 1000)
            print("%-17s %13s %7d %9.3f %9.3f %9.4f %7s  %s" % (name, shown, copies, t, base, per_file, growth,
                                                               "imported" if code == 0 else "rejected (65)"))
            previous = per_file
        print()
    shutil.rmtree(WORK, ignore_errors=True)


def vary(data, ext, k):
    """Form copies get their own reporter line; tables and rows are the same bytes in each copy."""
    if ext == "md":
        return data.replace(b"submitted:", ("reporter: Người báo cáo %d\nsubmitted:" % k).encode(), 1)
    return data


if __name__ == "__main__":
    main()
