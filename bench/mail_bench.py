#!/usr/bin/env python3
"""E-mail benchmark: one newsletter issue to 10,000 units, sent to a local SMTP server (aiosmtpd on loopback, the
same for both), by `loa deliver` and by a Python smtplib loop sending the very same messages (the files
`loa publish --dry-run` wrote) over one connection, in the same run. Writes bench/RESULTS-mail.md.

    python3 bench/mail_bench.py [--units 10000] [--markdown bench/RESULTS-mail.md]

Loa's figure includes what the peer does not do: building each unit's message (receipt link, MIME, base64) and
recording every delivery in SQLite (`sending` before it is handed over, `sent` after, one commit a message). Best of 3;
between Loa's runs its deliveries are set back to pending.
"""
import argparse
import datetime
import os
import platform
import shutil
import smtplib
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOA = os.path.join(ROOT, ".build", "release", "loa")
WORK = os.path.join(ROOT, "bench", "work", "mail")
SINK = os.path.join(ROOT, "Tests", "tools", "smtp_sink.py")
DAY = "2026-11-13"
CLUSTERS = ["cum-giao-duc", "cum-y-te", "cum-quan-ly-nha-nuoc", "cum-van-hoa"]


def workspace(units):
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for part in ("content", "calendars"):
        shutil.copytree(os.path.join(ROOT, part), os.path.join(WORK, part))
    for f in os.listdir(os.path.join(WORK, "calendars")):
        if f != "observances.ics":
            os.remove(os.path.join(WORK, "calendars", f))
    with open(os.path.join(WORK, "content", "units.csv"), "w") as f:
        f.write("code,name,cluster,members,email\n")
        for i in range(units):
            f.write(f"u{i:06d},CĐCS Đơn vị số {i},{CLUSTERS[i % 4]},{20 + i % 200},cd{i:06d}@example.org\n")
    loa("--today", "2026-10-20", "plan", "2026-11", "--confirm")


def loa(*args):
    p = subprocess.run([LOA, "--workspace", WORK, "--quiet"] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit(f"loa {' '.join(args)} failed ({p.returncode}): {p.stderr.decode()[-2000:]}")
    return p.stdout.decode()


class Sink:
    """aiosmtpd counting what it takes."""

    def __init__(self):
        self.p = subprocess.Popen([sys.executable, SINK, "--count-only", "--out", os.path.join(WORK, "sink")],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        line = self.p.stdout.readline().decode()
        if not line.startswith("READY "):
            sys.exit("the SMTP server did not start: " + line)
        self.port = int(line.split()[1])

    def count(self):
        try:
            return int(open(os.path.join(WORK, "sink", "count")).read())
        except OSError:
            return 0

    def stop(self):
        self.p.stdin.close()
        self.p.wait()


def settings(port):
    path = os.path.join(WORK, "distribution.yml")
    with open(path, "w") as f:
        f.write(f"base_url: https://loa.example.org\nsmtp:\n  url: smtp://127.0.0.1:{port}\n"
                f"  from: \"Công đoàn Viên chức tỉnh <congdoan@example.org>\"\n")
    os.chmod(path, 0o600)


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024.0


def smtplib_loop(port, files):
    """The peer: the messages Loa wrote, read and sent one by one over one connection."""
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as s:
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            unit = os.path.basename(path)[:-4]
            s.sendmail("congdoan@example.org", [f"cd{unit[1:]}@example.org"], data)
    return time.perf_counter() - start


def measure(units):
    """Loa and the peer, best of 3 each: (Loa seconds, Loa MiB, peer seconds, messages, bytes a message, command)."""
    workspace(units)
    loa("--today", DAY, "publish", "ban-tin", DAY, "--dry-run")
    outbox = os.path.join(WORK, "out", "outbox", "ban-tin", DAY)
    files = sorted(os.path.join(outbox, f) for f in os.listdir(outbox))
    size = sum(os.path.getsize(f) for f in files) // len(files)
    db = os.path.join(WORK, "loa.sqlite")
    loa_runs, peer_runs = [], []
    for attempt in range(3):
        sink = Sink()
        peer_runs.append(smtplib_loop(sink.port, files))
        got = sink.count()
        sink.stop()
        if got != len(files):
            sys.exit(f"the peer delivered {got} of {len(files)}")
        subprocess.run(["sqlite3", db, "UPDATE issue_deliveries SET state = 'pending' WHERE state = 'sent'"],
                       check=True)
        sink = Sink()
        settings(sink.port)
        loa_runs.append(timed([LOA, "--workspace", WORK, "--today", DAY, "--quiet", "deliver"]))
        got = sink.count()
        sink.stop()
        if got != len(files):
            sys.exit(f"Loa delivered {got} of {len(files)}")
    t_loa, m_loa = min(loa_runs)
    command = (f"{LOA} --workspace {WORK} --today {DAY} deliver, its deliveries set back to pending first "
               f"(sqlite3 {db} \"UPDATE issue_deliveries SET state = 'pending' WHERE state = 'sent'\") and "
               f"python3 {SINK} --count-only listening at the port in {WORK}/distribution.yml")
    return t_loa, m_loa, min(peer_runs), len(files), size, command


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--markdown", default=os.path.join(ROOT, "bench", "RESULTS-mail.md"))
    args = ap.parse_args()
    if not os.path.exists(LOA):
        sys.exit("build first: swift build -c release")
    t_loa, m_loa, t_peer, count, size, command = measure(args.units)
    cpu = platform.processor() or platform.machine()
    lines = [
        "# E-mail benchmark",
        "",
        f"Run on {datetime.date.today()} — {os.cpu_count()} cores, {cpu}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}. Both send to aiosmtpd on loopback, best of 3.",
        "",
        "| what | Loa | Loa time | Loa RSS | peer | peer time | ratio | target |",
        "|---|---|---:|---:|---|---:|---:|---|",
        f"| {count:,} units' e-mails, {size // 1024} KiB each | `loa deliver` | {t_loa:.2f} s | {m_loa:.0f} MiB | "
        f"Python smtplib, one connection, the same messages | {t_peer:.2f} s | {t_loa / t_peer:.2f} | "
        f"≤ 1.0, < 64 MiB |",
        "",
        f"Repeat Loa's figure: `{command}`.",
        "",
    ]
    with open(args.markdown, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
