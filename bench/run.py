#!/usr/bin/env python3
"""Loa's benchmarks: each measurement runs Loa and a peer on the same generated data in the same run,
and reports the ratio. Writes bench/RESULTS.md.

    python3 bench/run.py --quick     # about a minute
    python3 bench/run.py --full      # under ten minutes on 2 cores
    python3 bench/run.py --only scale  # reports and pages at 1,000 / 10,000 / 100,000 units (bench/scale_bench.py)

Data are generated with a fixed seed, so two runs measure the same inputs.
"""
import argparse
import datetime
import math
import os
import platform
import random
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOA = os.path.join(ROOT, ".build", "release", "loa")
WORK = os.path.join(ROOT, "bench", "work")

TYPES = ["hoi-nghi", "sinh-hoat-chuyen-de", "tuyen-truyen-mieng", "bang-tin", "mang-xa-hoi", "thi-tim-hieu", "tham-quan", "khac"]
THEMES = ["museum/1.1/a", "museum/1.1/b", "museum/1.1/c", "museum/1.1/d", "digital/2.1/a", "digital/2.1/b",
          "digital/2.1/c", "digital/2.1/d", "ho-tay/3.1/a", "ho-tay/3.1/b", "ho-tay/3.1/c"]
CLUSTERS = ["cum-giao-duc", "cum-y-te", "cum-quan-ly-nha-nuoc", "cum-van-hoa"]
WORDS = ("tuyên truyền chuyển đổi số bảo tàng đảng cộng sản việt nam nhà khách hồ tây đoàn viên công đoàn "
         "hội nghị quán triệt kế hoạch tiến độ dữ liệu hạ tầng ứng dụng chữ ký số văn hóa lịch sử").split()


def run(cmd, **kw):
    """Runs a command; returns (seconds, max RSS in MiB). Fails loudly on a non-zero exit."""
    errfile = os.path.join(WORK, "stderr.txt")
    with open(errfile, "wb") as ef:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=ef, **kw)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
    err = open(errfile, "rb").read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"command failed ({code}): {' '.join(cmd)}\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024.0


def best_of(n, cmd, before=None, **kw):
    """The fastest of n runs (and the RSS of that run); `before` resets state between runs."""
    best = None
    for _ in range(n):
        if before:
            before()
        r = run(cmd, **kw)
        if best is None or r[0] < best[0]:
            best = r
    return best


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def workspace(name, units, channels=None, items=0, rng=None):
    """A workspace with the shipped plan and generated units, channels and items."""
    w = fresh(os.path.join(WORK, name))
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(w, "content"))
    shutil.copytree(os.path.join(ROOT, "calendars"), os.path.join(w, "calendars"))
    for f in os.listdir(os.path.join(w, "calendars")):
        if f != "observances.ics":
            os.remove(os.path.join(w, "calendars", f))
    with open(os.path.join(w, "content", "units.csv"), "w") as f:
        f.write("code,name,cluster,members\n")
        for i in range(units):
            f.write(f"u{i:06d},Đơn vị {i},{CLUSTERS[i % 4]},{20 + i % 200}\n")
    if channels:
        with open(os.path.join(w, "content", "channels.yml"), "w") as f:
            for c in range(channels):
                f.write(f"- id: c{c:02d}\n  name: Kênh {c}\n  kind: website\n  every: week\n  on: [{['mon','tue','wed','thu','fri'][c % 5]}]\n"
                        f"  capacity: {1 + c % 3}\n  lead_days: {c % 7}\n")
    if items or channels:
        d = os.path.join(w, "content", "items")
        shutil.rmtree(d)
        os.makedirs(d)
        chans = [f"c{c:02d}" for c in range(channels or 0)] or ["website"]
        for i in range(items):
            body = " ".join(rng.choice(WORDS) for _ in range(60))
            with open(os.path.join(d, f"i{i:06d}.md"), "w") as f:
                f.write(f"---\ntitle: Bài số {i} về {rng.choice(WORDS)}\nthemes: [{rng.choice(THEMES)}]\n"
                        f"channels: [{', '.join(rng.sample(chans, min(3, len(chans))))}]\nstatus: approved\n"
                        f"approved: 2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}\nsummary: Tóm tắt {i}.\n---\n\n"
                        f"## Phần một\n\n{body}\n\n- ý thứ nhất\n- ý thứ **hai**\n\n> trích dẫn {i}\n")
    return w


def create_schema(w):
    """An empty database with Loa's schema: importing an empty folder creates it (readers never write)."""
    empty = fresh(os.path.join(WORK, "empty"))
    subprocess.run([LOA, "--workspace", w, "--quiet", "import", empty], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(os.path.join(w, "loa.sqlite")):
        sys.exit(f"could not create {w}/loa.sqlite")


def bench_import(rows, results):
    rng = random.Random(1)
    units = 10_000
    w = workspace("import", units)
    csv = os.path.join(WORK, "activities.csv")
    with open(csv, "w") as f:
        f.write("unit,date,type,title,themes,participants,items\n")
        for i in range(rows):
            f.write(f"u{rng.randrange(units):06d},2026-{1 + i % 11:02d}-{1 + i % 28:02d},{TYPES[i % 8]},"
                    f"Hoạt động số {i},{rng.choice(THEMES)},{rng.randint(0, 150)},\n")
    db = os.path.join(w, "loa.sqlite")

    def reset_loa():
        for s in ["", "-wal", "-shm"]:
            if os.path.exists(db + s):
                os.remove(db + s)
        create_schema(w)
    t_loa, m_loa = best_of(2, [LOA, "--workspace", w, "--today", "2026-12-31", "--quiet", "import", csv], before=reset_loa)

    plain = os.path.join(WORK, "plain.sqlite")
    # the CSV's seven columns with Loa's two row indexes (Loa's table also carries form_id, import_id and an index on form_id,
    # which .import cannot fill)
    schema = ("CREATE TABLE activities (unit TEXT NOT NULL, date TEXT NOT NULL, type TEXT NOT NULL, title TEXT NOT NULL, themes TEXT NOT NULL,"
              " participants INTEGER NOT NULL CHECK (participants >= 0), items TEXT NOT NULL);"
              "CREATE UNIQUE INDEX k ON activities(unit, date, type, title); CREATE INDEX d ON activities(date, unit);")

    def reset_plain():
        for s in ["", "-wal", "-shm", "-journal"]:
            if os.path.exists(plain + s):
                os.remove(plain + s)
        subprocess.run(["sqlite3", plain, schema], check=True)
    t_sql, m_sql = best_of(2, ["sqlite3", plain, "-cmd", ".mode csv", f".import --skip 1 {csv} activities"], before=reset_plain)
    results.append(("Import", f"{rows:,} activity rows (CSV)", "loa import", t_loa, m_loa, "sqlite3 .import (same indexes)", t_sql, m_sql,
                    f"{LOA} --workspace {w} --today 2026-12-31 import {csv}", "≤ 1.15, ≤ 64 MiB"))


def bench_forms(n, results):
    rng = random.Random(2)
    units = max(1000, n // 10)
    w = workspace("forms", units)
    inbox = fresh(os.path.join(w, "reports", "inbox"))
    for i in range(n):
        u, m = i % units, 1 + (i // units) % 11
        with open(os.path.join(inbox, f"f{i:06d}.md"), "w") as f:
            f.write(f"---\nform: loa-report/1\nunit: u{u:06d}\nperiod: 2026-{m:02d}\nsubmitted: 2026-{m + 1:02d}-0{1 + i % 9}\n"
                    f"reporter: Người báo cáo {i}\nreceived: []\nactivities:\n"
                    f"  - date: 2026-{m:02d}-{10 + i % 15}\n    type: {TYPES[i % 8]}\n    title: Sinh hoạt {i}\n"
                    f"    themes: [{rng.choice(THEMES)}]\n    participants: {rng.randint(5, 60)}\n    items: []\n"
                    f"feedback:\n  mood: on-dinh\n  summary: Đoàn viên đồng tình {i}.\n---\nGhi chú.\n")
    db = os.path.join(w, "loa.sqlite")
    for s in ["", "-wal", "-shm"]:
        if os.path.exists(db + s):
            os.remove(db + s)
    t, m = run([LOA, "--workspace", w, "--today", "2026-12-31", "--quiet", "import", inbox])
    results.append(("Forms", f"{n:,} form files", "loa import", t, m, None, None, None,
                    f"{LOA} --workspace {w} --today 2026-12-31 import {inbox}", f"{n / t:,.0f} files/s (≥ 6,000)"))


def report_data(db, units):
    """12 months of forms, two activities per unit-month and an issue in one form in seven, written straight into
    Loa's schema of the database `db` (the reports benchmark here and bench/scale_bench.py)."""
    gen = f"""
    PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
    BEGIN;
    INSERT INTO imports (id, recorded_on, path, kind, result) VALUES (1, '2027-01-10', 'bench', 'form', 'imported');
    WITH RECURSIVE u(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM u WHERE i < {units - 1}),
         m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < 12)
    INSERT INTO forms (unit, period, submitted, imported_on, received, mood, content, source_path, current, import_id)
    SELECT printf('u%06d', i), printf('2026-%02d', k), date(printf('2026-%02d-01', k), '+1 month', printf('+%d day', (i * 7 + k) % 9)),
           '2027-01-10', '', CASE (i + k) % 3 WHEN 0 THEN 'on-dinh' WHEN 1 THEN 'quan-tam'
                                  ELSE CASE WHEN i % 5 = 0 THEN 'lo-ngai' ELSE 'on-dinh' END END, 'x', 'bench', 1, 1
    FROM u, m WHERE (i * 13 + k) % 10 <> 0;
    INSERT INTO theme_sets (id, key) VALUES (1, 'digital/2.1/a'), (2, 'digital/2.1/b museum/1.1/a'), (3, 'ho-tay/3.1/a'),
                                            (4, 'digital/2.1/c');
    INSERT INTO theme_set_members (set_id, theme, project) VALUES (1, 'digital/2.1/a', 'digital'), (2, 'digital/2.1/b', 'digital'),
           (2, 'museum/1.1/a', 'museum'), (3, 'ho-tay/3.1/a', 'ho-tay'), (4, 'digital/2.1/c', 'digital');
    INSERT INTO activities (form_id, unit, date, type, title, participants, theme_set, items, import_id)
    SELECT id, unit, period || '-1' || (id % 9), CASE id % 4 WHEN 0 THEN 'hoi-nghi' WHEN 1 THEN 'tham-quan' WHEN 2 THEN 'khac' ELSE 'bang-tin' END,
           'Hoạt động', 10 + id % 50, 1 + id % 3, '', 1
    FROM forms;
    INSERT INTO activities (form_id, unit, date, type, title, participants, theme_set, items, import_id)
    SELECT id, unit, period || '-2' || (id % 7), 'sinh-hoat-chuyen-de', 'Chuyên đề', 5 + id % 30, 4, '', 1 FROM forms;
    -- one form in seven raises an issue: a few worries phrased several ways, many one-off topics, some sensitive
    INSERT INTO feedback_issues (form_id, topic, detail, sensitive)
    SELECT id, CASE id % 5 WHEN 0 THEN 'Chậm chi trả lương tăng thêm' WHEN 1 THEN 'lương tăng thêm trả chậm'
                             WHEN 2 THEN 'Thông tin sai lệch trên mạng xã hội'
                             WHEN 3 THEN 'Áp lực công việc khi chuyển đổi số đợt ' || (id % 997)
                             ELSE 'Đề nghị tập huấn chữ ký số cho tổ ' || (id % 991) END, NULL, id % 11 = 0
    FROM forms WHERE id % 7 = 0;
    COMMIT;
    ANALYZE;
    """
    subprocess.run(["sqlite3", db], input=gen.encode(), stdout=subprocess.DEVNULL, check=True)


def bench_reports(units, results):
    w = workspace("reports", units)
    db = os.path.join(w, "loa.sqlite")
    create_schema(w)
    report_data(db, units)
    cmd = [LOA, "--workspace", w, "--today", "2027-01-10", "report", "phase", "digital", "2.1", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"]
    t_loa, m_loa = best_of(2, cmd)
    warn = [LOA, "--workspace", w, "--today", "2027-01-10", "report", "warnings", "--format", "json"]
    t_warn, m_warn = best_of(2, warn)
    # the same aggregates as plain SQL: reporting per month, forms, activities by unit and month, by type, by theme set, moods
    sql = """
    SELECT period, count(*), sum(submitted <= date(period || '-01', '+1 month', '+4 day')) FROM forms WHERE current = 1 AND period BETWEEN '2026-01' AND '2026-12' GROUP BY period;
    SELECT unit, period, submitted FROM forms WHERE current = 1 AND period BETWEEN '2026-01' AND '2026-12';
    SELECT unit, substr(date, 1, 7), count(*), sum(participants) FROM activities
      WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND counted = 1 GROUP BY 1, 2;
    SELECT type, count(*) FROM activities
      WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND counted = 1 GROUP BY 1;
    SELECT theme_set, count(*) FROM activities
      WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND counted = 1 GROUP BY 1;
    SELECT mood, count(*) FROM forms WHERE current = 1 AND period BETWEEN '2026-01' AND '2026-12' GROUP BY mood;
    """
    t_sql, m_sql = best_of(2, ["sqlite3", db, sql])
    results.append(("Reports", f"phase report, {units:,} units × 12 months", "loa report phase --format json", t_loa, m_loa,
                    "the same aggregates as plain SQL (sqlite3)", t_sql, m_sql, " ".join(cmd), "≤ 1.2, ≤ 150 MiB"))
    results.append(("Warnings", f"early warnings, {units:,} units × 12 months", "loa report warnings --format json",
                    t_warn, m_warn, "the phase report's JSON on the same data", t_loa, m_loa, " ".join(warn), "≤ 1.5"))


def bench_render(items, results):
    rng = random.Random(3)
    w = workspace("render", 16, channels=5, items=items, rng=rng)
    # every run writes into a folder never used before (as a first render does), for Loa and its peers alike, in
    # memory (/dev/shm) where there is one: on this machine's disk the time to create 10,000 files varies sevenfold
    # from run to run, which measures the disk rather than the renderers
    pages = fresh("/dev/shm/loa-bench" if os.access("/dev/shm", os.W_OK) else os.path.join(WORK, "pages"))
    runs = iter(range(100))

    def new_folder(name):
        return os.path.join(pages, f"{name}-{next(runs)}")

    outs = [new_folder("render-out") for _ in range(2)]
    t_loa, m_loa = min(run([LOA, "--workspace", w, "render", "--out", d]) for d in outs)
    # and again into a folder where no page has changed (Loa then leaves every page alone)
    last = outs[0]
    t_again, m_again = best_of(2, [LOA, "--workspace", w, "render", "--out", last])
    # hugo over the same Markdown files, with a minimal layout
    site = fresh(os.path.join(WORK, "hugo-site"))
    shutil.copytree(os.path.join(w, "content", "items"), os.path.join(site, "content", "items"))
    os.makedirs(os.path.join(site, "layouts", "_default"))
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write('baseURL = "http://localhost/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
                "<body><article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</article></body></html>\n")
    with open(os.path.join(site, "layouts", "_default", "list.html"), "w") as f:
        f.write("<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    hugo = shutil.which("hugo")
    if hugo:
        t_hugo, m_hugo = min(run([hugo, "--quiet", "-s", site, "-d", new_folder("hugo-out")]) for _ in range(2))
        results.append(("Rendering", f"{items:,} items to HTML pages", "loa render", t_loa, m_loa, "hugo (minimal layout)", t_hugo, m_hugo,
                        f"{LOA} --workspace {w} render --out NEW-FOLDER", "≤ 0.4"))
    else:
        print("SKIPPED hugo comparison: hugo is not installed (make bench installs it)")
    # the floor, like for like: libcmark over the same files, one page out per file in, from one process
    floor = cmark_floor()
    if floor:
        listing = os.path.join(WORK, "render-files.txt")
        d = os.path.join(w, "content", "items")
        with open(listing, "w") as f:
            f.write("".join(os.path.join(d, name) + "\n" for name in sorted(os.listdir(d))))
        floor_outs = [new_folder("cmark-out") for _ in range(2)]
        for p in floor_outs:
            os.makedirs(p)
        t_cm, m_cm = min(run([floor, listing, p]) for p in floor_outs)
        results.append(("Rendering", f"{items:,} item files to {items:,} pages", "loa render", t_loa, m_loa,
                        "libcmark in one process, one page per file (floor)", t_cm, m_cm,
                        f"{LOA} --workspace {w} render --out NEW-FOLDER", "—"))
        # the cmark program itself, once per file as a shell would run it (the like-for-like peer)
        per_file = new_folder("cmark-out")
        os.makedirs(per_file)
        t_cli, m_cli = run(["xargs", "-a", listing, "sh", "-c", 'for f; do cmark "$f" > "$0/${f##*/}.html"; done', per_file])
        results.append(("Rendering", f"{items:,} item files to {items:,} pages", "loa render", t_loa, m_loa,
                        "cmark, run once per file (xargs)", t_cli, m_cli, f"{LOA} --workspace {w} render --out NEW-FOLDER",
                        "≤ 1.5"))
    results.append(("Rendering", f"{items:,} items again, no page changed", "loa render", t_again, m_again, None, None, None,
                    f"{LOA} --workspace {w} render --out {last}", "pages left alone"))


def cmark_floor():
    """Builds bench/cmark_pages.c against the system libcmark (the library Loa renders with); None without gcc."""
    exe = os.path.join(WORK, "cmark_pages")
    src = os.path.join(ROOT, "bench", "cmark_pages.c")
    if not shutil.which("gcc"):
        print("SKIPPED the libcmark floor: gcc is not installed (make bench installs it)")
        return None
    subprocess.run(["gcc", "-O2", "-o", exe, src, "-lcmark"], check=True)
    return exe


def bench_plan(sizes, results):
    rows = []
    for n in sizes:
        rng = random.Random(4)
        w = workspace(f"plan-{n}", 50, channels=50, items=n, rng=rng)
        t, m = best_of(2, [LOA, "--workspace", w, "--today", "2026-11-23", "plan", "2026-12"],
                       before=lambda: [os.remove(p) for p in [os.path.join(w, "calendars", "2026-12.ics")] if os.path.exists(p)])
        rows.append((n, t, m))
    base_n, base_t, _ = rows[0]
    for n, t, m in rows:
        results.append(("Planning", f"{n:,} items, 50 channels", "loa plan", t, m, None, None, None,
                        f"{LOA} --workspace {os.path.join(WORK, f'plan-{n}')} --today 2026-11-23 plan 2026-12",
                        f"{t / base_t:.1f}× time for {n / base_n:.0f}× items"
                        + (" (target ≤ 110× for 100×, ≤ 256 MiB)" if n == sizes[-1] else "")))


def bench_mail(units, results):
    """One issue e-mailed to every unit: `loa deliver` against a Python smtplib loop sending the same messages over
    one connection, both to aiosmtpd on loopback (bench/mail_bench.py)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import mail_bench
    t_loa, m_loa, t_peer, count, size, command = mail_bench.measure(units)
    results.append(("E-mail", f"{count:,} units' e-mails of one issue ({size // 1024} KiB each), aiosmtpd on loopback",
                    "loa deliver", t_loa, m_loa, "Python smtplib, one connection, the same messages", t_peer, None,
                    command, "≤ 1.0, < 64 MiB"))


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip().split(" ")[0:2] if shutil.which("hugo") else ["-"]
    cmark = subprocess.run(["cmark", "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0] if shutil.which("cmark") else "-"
    return (f"{platform.node() or 'machine'}: {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB; {platform.system()} {platform.release()}; "
            f"sqlite3 {sqlite}; {' '.join(hugo)}; {cmark}")


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_true")
    g.add_argument("--full", action="store_true")
    ap.add_argument("--only", choices=["scale"], help="scale: reports and pages at 1,000 / 10,000 / 100,000 units")
    args = ap.parse_args()
    if args.only == "scale":
        import scale_bench
        return scale_bench.main()
    quick = not args.full
    if not os.path.exists(LOA):
        sys.exit(f"{LOA} is missing: run swift build -c release (make bench does)")
    os.makedirs(WORK, exist_ok=True)
    results = []
    curves = {}  # workload -> [(size, seconds, MiB)], three sizes a factor of ten apart
    started = time.perf_counter()
    scale = 1 if args.full else 10
    workloads = [("Import", "activity rows", bench_import, 1_000_000),
                 ("Forms", "form files", bench_forms, 100_000),
                 ("Reports", "units", bench_reports, 100_000),
                 ("Rendering", "items", bench_render, 10_000)]
    for what, unit, bench, largest in workloads:
        for n in [largest // scale // 100, largest // scale // 10, largest // scale]:
            rows = []
            bench(n, rows)
            curves.setdefault((what, unit), []).append((n, rows[0][3], rows[0][4]))
            if n == largest // scale:
                results.extend(rows)
    plan_sizes = [1_000 // scale, 10_000 // scale, 100_000 // scale]
    rows = []
    bench_plan(plan_sizes, rows)
    results.extend(rows)
    curves[("Planning", "items")] = [(n, r[3], r[4]) for n, r in zip(plan_sizes, rows)]
    bench_mail(10_000 // scale, results)
    total = time.perf_counter() - started

    lines = [f"# Benchmark results ({'quick' if quick else 'full'} run)", "",
             f"Run on {datetime.date.today().isoformat()} — {machine()}. Total {total:.0f} s.", "",
             "Each Loa figure is measured beside its peer in the same run (best of 2 where both ran twice); "
             "ratio = Loa ÷ peer (lower is better). Memory is the peak resident set (max RSS).", "",
             "| what | data | Loa | Loa time | Loa RSS | peer | peer time | peer RSS | ratio | target / note |",
             "|---|---|---|---:|---:|---|---:|---:|---:|---|"]
    for what, data, loa_name, t, m, peer, pt, pm, cmd, note in results:
        ratio = f"{t / pt:.2f}" if pt else "—"
        lines.append(f"| {what} | {data} | `{loa_name}` | {t:.2f} s | {m:.0f} MiB | {peer or '—'} | "
                     f"{f'{pt:.2f} s' if pt else '—'} | {f'{pm:.0f} MiB' if pm else '—'} | {ratio} | {note} |")
    lines += ["", "Commands to repeat each Loa measurement (after `python3 bench/run.py` has generated the data):", ""]
    for what, data, *_rest in results:
        lines.append(f"- {what}, {data}: `{_rest[6]}`")
    lines += ["", "## Scaling", "",
              "Each workload at three sizes a factor of ten apart: Loa's time and peak memory, and how much the time grew "
              "for a hundred times the data (100 × is linear; less means start-up costs weigh at the small size).", "",
              "![Time and memory at three sizes](scaling.svg)", "",
              "| what | ×1 | ×10 | ×100 | time ×100 ÷ ×1 |", "|---|---|---|---|---:|"]
    for (what, unit), points in curves.items():
        cells = [f"{n:,} {unit}: {t:.2f} s, {m:.0f} MiB" for n, t, m in points]
        lines.append(f"| {what} | {' | '.join(cells)} | {points[-1][1] / points[0][1]:.0f} × |")
    text = "\n".join(lines) + "\n"
    print(text)
    folder = os.path.join(ROOT, "bench") if args.full else WORK  # a quick run never overwrites the full results
    with open(os.path.join(folder, "RESULTS.md"), "w") as f:
        f.write(text)
    with open(os.path.join(folder, "scaling.svg"), "w") as f:
        f.write(scaling_svg(curves))
    print(f"wrote {os.path.join(folder, 'RESULTS.md')} and scaling.svg")


def scaling_svg(curves):
    """Two log-log panels: time relative to the smallest size, with the linear line to compare; peak memory in MiB."""
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
    width, height, pad, panel = 900, 420, 60, 360
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="sans-serif" font-size="12">', f'<rect width="{width}" height="{height}" fill="white"/>']

    def axis(x0, title, lo, hi, label):
        top, bottom = 40, 40 + 300
        out.append(f'<text x="{x0 + panel / 2}" y="22" text-anchor="middle" font-size="14">{title}</text>')
        out.append(f'<rect x="{x0}" y="{top}" width="{panel - 40}" height="300" fill="none" stroke="#888"/>')
        for i, tick in enumerate(["×1", "×10", "×100"]):
            x = x0 + i * (panel - 40) / 2
            out.append(f'<text x="{x}" y="{bottom + 16}" text-anchor="middle">{tick}</text>')
        decade = 1
        while decade <= hi * 1.0001:
            if decade >= lo / 1.0001:
                y = ypos(decade, lo, hi)
                out.append(f'<line x1="{x0}" x2="{x0 + panel - 40}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
                out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{decade:g}</text>')
            decade *= 10
        out.append(f'<text x="{x0 + (panel - 40) / 2}" y="{bottom + 34}" text-anchor="middle">{label}</text>')

    def ypos(v, lo, hi):
        return 340 - 300 * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    def line(x0, values, lo, hi, colour, dashed=False):
        pts = " ".join(f"{x0 + i * (panel - 40) / 2:.1f},{ypos(v, lo, hi):.1f}" for i, v in enumerate(values))
        dash = ' stroke-dasharray="5,4"' if dashed else ""
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for i, v in enumerate(values):
            out.append(f'<circle cx="{x0 + i * (panel - 40) / 2:.1f}" cy="{ypos(v, lo, hi):.1f}" r="3" fill="{colour}"/>')

    left, right = pad, pad + panel + 40
    growth = max(t / points[0][1] for points in curves.values() for _n, t, _m in points)
    top = 10 ** max(2, math.ceil(math.log10(growth)))
    axis(left, "Time, relative to the smallest size", 1, top, "data size (dashed: linear)")
    line(left, [1, 10, 100], 1, top, "#999", dashed=True)
    memory = [m for points in curves.values() for _n, _t, m in points]
    lo, hi = 10 ** int(math.floor(math.log10(min(memory)))), 1000
    hi = max(hi, 10 ** (int(math.log10(max(memory))) + 1))
    axis(right, "Peak memory (MiB)", lo, hi, "data size")
    for k, ((what, _unit), points) in enumerate(curves.items()):
        colour = colours[k % len(colours)]
        line(left, [max(1, t / points[0][1]) for _n, t, _m in points], 1, top, colour)
        line(right, [m for _n, _t, m in points], lo, hi, colour)
        out.append(f'<rect x="{pad + k * 160}" y="{height - 22}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{pad + k * 160 + 18}" y="{height - 12}">{what}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
