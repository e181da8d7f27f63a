#!/usr/bin/env python3
"""The web front under load (issue 16.4): monthly reports sent through HTTP by many concurrent clients, beside the
floor — the same recording transactions made directly against SQLite with Python's sqlite3, in the same run.

    python3 bench/serve_load.py [--units N] [--submissions M] [--clients C] [--out FILE]

Needs the release binary (`swift build -c release`). Each submission is what a unit's phone does: open the unit's
link (a session), load the month's form (its CSRF token), post the report (two activities, a feedback summary, a
sensitive issue every tenth report). Reports throughput, POST latency p50/p99, errors, and the p50 of a form page
view; then the floor, and the time 130,000 units would take at the measured rate.
"""
import argparse
import concurrent.futures as cf
import http.client
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOA = os.path.join(ROOT, ".build", "release", "loa")
WORK = os.path.join(ROOT, "bench", "work", "serve")
TODAY = "2026-12-03"
PERIOD = "2026-11"
PROFILE = os.environ.get("LOA_SERVE_PROFILE")  # a perf.data path: profile the server during the load
THEMES = ["museum/1.1/a", "museum/1.1/b", "digital/2.1/a", "digital/2.1/b", "ho-tay/3.1/a"]


def workspace(units):
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for part in ["content", "calendars"]:
        shutil.copytree(os.path.join(ROOT, part), os.path.join(WORK, part))
    for f in os.listdir(os.path.join(WORK, "calendars")):
        if f != "observances.ics":
            os.remove(os.path.join(WORK, "calendars", f))
    with open(os.path.join(WORK, "content", "units.csv"), "w") as f:
        f.write("code,name,cluster,members\n")
        for i in range(units):
            cluster = ["cum-giao-duc", "cum-y-te", "cum-quan-ly-nha-nuoc", "cum-van-hoa"][i % 4]
            f.write(f"u{i:06d},Công đoàn cơ sở số {i},{cluster},{20 + i % 200}\n")
    return WORK


def fields(i):
    """The report of unit i, as the form's fields."""
    f = [("reporter", f"Người báo cáo {i}"),
         ("activity-1-date", "2026-11-05"), ("activity-1-type", "hoi-nghi"),
         ("activity-1-title", f"Hội nghị quán triệt 03 đề án lần {i}"), ("activity-1-themes", THEMES[i % 5]),
         ("activity-1-participants", str(10 + i % 50)),
         ("activity-2-date", "2026-11-20"), ("activity-2-type", "sinh-hoat-chuyen-de"),
         ("activity-2-title", "Sinh hoạt chuyên đề chuyển đổi số"), ("activity-2-themes", THEMES[(i + 1) % 5]),
         ("activity-2-participants", str(5 + i % 30)),
         ("mood", "on-dinh"), ("summary", "Đoàn viên đồng tình, quan tâm tiến độ các đề án."),
         ("note", ""), ("action", "submit")]
    if i % 10 == 0:
        f += [("issue-1-topic", f"Thông tin sai lệch {i}"), ("issue-1-detail", "Chi tiết"), ("issue-1-sensitive", "true")]
    return f


class Client:
    """A phone: one keep-alive connection, its cookie, the last page's CSRF token."""

    def __init__(self, port, n):
        # phones come from many addresses: spread the clients over loopback addresses, 8 each, under the
        # server's per-address connection limit
        source = (f"127.0.{n // 2000}.{2 + (n // 8) % 250}", 0)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=source)
        self.cookie = None

    def request(self, method, path, body=None):
        headers = {"Sec-Fetch-Site": "same-origin"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        data = r.read()
        set_cookie = r.getheader("Set-Cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";")[0]
        return r.status, data


def submit(port, token, i):
    """One unit's whole visit; returns (POST seconds, form-view seconds, ok)."""
    c = Client(port, i % 512)
    status, _ = c.request("GET", "/u/" + token)
    if status != 303:
        return None, None, False
    start = time.perf_counter()
    status, page = c.request("GET", f"/unit/report/{PERIOD}")
    view = time.perf_counter() - start
    m = re.search(rb'name="csrf" value="([^"]+)"', page)
    k = re.search(rb'name="key" value="([^"]+)"', page)
    if status != 200 or not m or not k:
        return None, view, False
    body = urllib.parse.urlencode(fields(i) + [("csrf", m.group(1).decode()), ("key", k.group(1).decode())])
    start = time.perf_counter()
    status, _ = c.request("POST", f"/unit/report/{PERIOD}", body)
    post = time.perf_counter() - start
    c.conn.close()
    return post, view, status == 303


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")


def serve_run(units, submissions, clients):
    ws = workspace(units)
    env = dict(os.environ, LOA_HOME=ROOT)
    subprocess.run([LOA, "--workspace", ws, "check"], check=True, stdout=subprocess.DEVNULL, env=env)
    log = open(os.path.join(WORK, "serve.log"), "wb")
    server = subprocess.Popen([LOA, "serve", "--listen", "127.0.0.1:0", "--workspace", ws, "--today", TODAY,
                               "--new-key"],
                              stderr=log, env=env)
    m = None
    for _ in range(500):
        m = re.search(r"http://127\.0\.0\.1:(\d+)", open(os.path.join(WORK, "serve.log"), encoding="utf-8").read())
        if m or server.poll() is not None:
            break
        time.sleep(0.01)
    if not m:
        server.kill()
        sys.exit("loa serve did not start: " + open(os.path.join(WORK, "serve.log")).read())
    port = int(m.group(1))
    links = subprocess.run([LOA, "--workspace", ws, "--today", TODAY, "links"], check=True, capture_output=True,
                           env=env).stdout.decode("utf-8-sig").splitlines()[1:]
    tokens = [l.rsplit("/u/", 1)[1] for l in links][:submissions]
    # a form page viewed by one phone with the server otherwise idle: the time the server takes for the page itself
    idle = Client(port, 0)
    idle.request("GET", "/u/" + tokens[0])
    idle_views = []
    for _ in range(200):
        start = time.perf_counter()
        idle.request("GET", f"/unit/report/{PERIOD}")
        idle_views.append(time.perf_counter() - start)
    idle.conn.close()
    posts, views, errors = [], [], 0
    profiler = None
    if PROFILE:
        profiler = subprocess.Popen(["perf", "record", "-F", "499", "-g", "-p", str(server.pid), "-o", PROFILE],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    start = time.perf_counter()
    with cf.ThreadPoolExecutor(max_workers=clients) as pool:
        for post, view, ok in pool.map(lambda a: submit(port, a[1], a[0]), enumerate(tokens)):
            if ok:
                posts.append(post)
            else:
                errors += 1
            if view is not None:
                views.append(view)
    elapsed = time.perf_counter() - start
    with open(f"/proc/{server.pid}/stat") as f:
        ticks = f.read().rsplit(")", 1)[1].split()
    server_cpu = (int(ticks[11]) + int(ticks[12])) / os.sysconf("SC_CLK_TCK")
    client_cpu = time.process_time()
    if profiler:
        profiler.send_signal(2)
        profiler.wait()
    server.send_signal(15)
    server.wait(timeout=60)
    db = os.path.join(ws, "loa.sqlite")
    recorded = sqlite3.connect(db).execute("SELECT count(*) FROM forms WHERE current = 1").fetchone()[0]
    return {"units": units, "submissions": len(tokens), "clients": clients, "seconds": elapsed,
            "per_second": len(posts) / elapsed, "post_p50_ms": percentile(posts, 50) * 1000,
            "post_p99_ms": percentile(posts, 99) * 1000, "view_p50_ms": percentile(views, 50) * 1000,
            "idle_view_p50_ms": percentile(idle_views, 50) * 1000,
            "errors": errors, "recorded": recorded, "database": db,
            "server_cpu_s": server_cpu, "client_cpu_s": client_cpu}


def folded(text):
    t = unicodedata.normalize("NFD", text.lower())
    return "".join("d" if ch in "đĐ" else ch for ch in t if not unicodedata.combining(ch))


def floor_run(template_db, count):
    """The same recording transactions, one per report, straight into a copy of Loa's schema."""
    path = os.path.join(WORK, "floor.sqlite")
    for suffix in ["", "-wal", "-shm"]:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    src = sqlite3.connect(template_db)
    schema = [r[0] for r in src.execute("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'search_index_%'"
                                        " ORDER BY rowid")]
    version = src.execute("PRAGMA user_version").fetchone()[0]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    for sql in schema:
        db.execute(sql)
    db.execute(f"PRAGMA user_version={version}")
    start = time.perf_counter()
    for i in range(count):
        unit, content = f"u{i:06d}", f"report {i} " + "x" * 800
        db.execute("BEGIN IMMEDIATE")
        db.execute("SELECT count(*) FROM forms WHERE unit = ? AND period = ? AND content = ?", (unit, PERIOD, content))
        db.execute("SELECT id FROM forms WHERE unit = ? AND period = ? AND current = 1", (unit, PERIOD))
        imp = db.execute("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'form', 'imported')",
                         (TODAY, "web")).lastrowid
        form = db.execute("""INSERT INTO forms (unit, period, submitted, imported_on, reporter, received, mood,
                             feedback_summary, content, source_path, current, import_id)
                             VALUES (?, ?, ?, ?, ?, '', 'on-dinh', ?, ?, 'web', 1, ?)""",
                          (unit, PERIOD, TODAY, TODAY, f"Người báo cáo {i}", "Đoàn viên đồng tình", content, imp)).lastrowid
        for n, theme in enumerate([THEMES[i % 5], THEMES[(i + 1) % 5]]):
            row = db.execute("SELECT id FROM theme_sets WHERE key = ?", (theme,)).fetchone()
            set_id = row[0] if row else db.execute("INSERT INTO theme_sets (key) VALUES (?)", (theme,)).lastrowid
            if not row:
                db.execute("INSERT INTO theme_set_members VALUES (?, ?, ?)", (set_id, theme, theme.split("/")[0]))
            title = f"Hoạt động {n} của {i}"
            db.execute("""INSERT OR IGNORE INTO activities (form_id, unit, date, type, title, participants, theme_set,
                          items, import_id) VALUES (?, ?, '2026-11-05', 'hoi-nghi', ?, 20, ?, '', ?)""",
                       (form, unit, title, set_id, imp))
            db.execute("""INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded)
                          VALUES ('activity', ?, ?, 0, ?, ?, ?)""", (unit, form, title, theme, folded(title + " " + theme)))
        if i % 10 == 0:
            db.execute("INSERT INTO feedback_issues (form_id, topic, detail, sensitive) VALUES (?, ?, 'x', 1)",
                       (form, f"Thông tin sai lệch {i}"))
            db.execute("INSERT OR IGNORE INTO alerts (unit, period, topic, detail, opened_on) VALUES (?, ?, ?, 'x', ?)",
                       (unit, PERIOD, f"Thông tin sai lệch {i}", TODAY))
        db.execute("""INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded)
                      VALUES ('feedback', ?, ?, 0, 'on-dinh', 'Đoàn viên đồng tình', ?)""", (unit, form, folded("Đoàn viên")))
        db.execute("INSERT INTO audit (recorded_on, command, action, subject, detail, actor) VALUES (?, 'import', ?, ?, ?, ?)",
                   (TODAY, "form imported", unit + "/" + PERIOD, "web", "unit:" + unit))
        db.execute("COMMIT")
    return count / (time.perf_counter() - start)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--submissions", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--out", help="the figures as JSON")
    ap.add_argument("--markdown", help="the figures as a Markdown page (bench/RESULTS-serve.md)")
    a = ap.parse_args()
    if not os.path.exists(LOA):
        sys.exit("build the release binary first: swift build -c release")
    r = serve_run(a.units, a.submissions, a.clients)
    r["floor_per_second"] = floor_run(r.pop("database"), a.submissions)
    r["share_of_floor"] = r["per_second"] / r["floor_per_second"]
    r["hours_for_130000"] = 130000 / r["per_second"] / 3600
    print(json.dumps(r, indent=2))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(r, f, indent=2)
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write(markdown(r, a))


def markdown(r, a):
    """The run as a page: each figure beside its target, and the command that repeats it."""
    machine = f"{os.cpu_count()} cores; " + " ".join(os.uname()[i] for i in (0, 2))
    rows = [
        ("reports recorded per second (whole visits: link, form page, POST)", f"{r['per_second']:,.0f}", "—"),
        ("the floor: the same transactions straight into SQLite (Python sqlite3)",
         f"{r['floor_per_second']:,.0f}", "—"),
        ("share of the floor", f"{r['share_of_floor']:.0%}", "≥ 50 %"),
        ("POST p50 / p99 under load", f"{r['post_p50_ms']:.0f} ms / {r['post_p99_ms']:.0f} ms", "p99 < 100 ms"),
        ("form page view p50, server otherwise idle", f"{r['idle_view_p50_ms']:.2f} ms", "< 5 ms"),
        ("form page view p50 under load (queueing included)", f"{r['view_p50_ms']:.0f} ms", "—"),
        ("errors", f"{r['errors']}", "0"),
        (f"{a.submissions:,} units each sending one report", f"{r['seconds'] / 60:.1f} min", "within an hour"),
        ("CPU seconds: server / load generator", f"{r['server_cpu_s']:.0f} / {r['client_cpu_s']:.0f}", "—"),
    ]
    out = ["# The web server under load", "",
           f"Run on {time.strftime('%Y-%m-%d')} — {machine}. {a.units:,} units, {a.submissions:,} submissions, "
           f"{a.clients} concurrent clients (Python threads with http.client, on the same machine as the server).",
           "", "| what | Loa | target |", "|---|---:|---|"]
    out += [f"| {w} | {v} | {t} |" for w, v, t in rows]
    out += ["", "Repeat with `swift build -c release && python3 bench/serve_load.py "
            f"--units {a.units} --submissions {a.submissions} --clients {a.clients}`; "
            "`LOA_SERVE_PROFILE=perf.data` adds a `perf record` of the server during the load.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
