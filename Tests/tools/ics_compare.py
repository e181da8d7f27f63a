"""Reads an iCalendar file with Python's icalendar, vobject and ics (ics.py) and compares what they see.

Usage: ics_compare.py [--expect EXPECTED.json] [--quiet] FILE.ics

For every VEVENT (by UID) it prints SUMMARY, DESCRIPTION, CATEGORIES, COMMENT, DTSTART, DTEND, RRULE and
RDATE as each reader sees them, and for the calendar its X-WR-CALNAME and X-WR-CALDESC: one line when
the readers agree, one line per reader when they do not. --quiet prints only the disagreements.

Values are compared as the readers hand them out. A reader that keeps a property unparsed (ics.py keeps
COMMENT, RRULE, RDATE and the calendar's X- properties as raw lines; icalendar keeps X-WR-* raw) gives
its raw text, so a value reads alike everywhere only when it needs no escaping there. CATEGORIES are
compared as sorted lists (ics.py keeps them in a set); RRULE as its sorted NAME=VALUE parts; dates as
YYYY-MM-DD, date-times in ISO 8601.

EXPECTED.json, when given, holds what another reader (Loa) sees, in the same shape:
  {"calendar": {"X-WR-CALNAME": "...", "X-WR-CALDESC": null},
   "events": {"UID": {"SUMMARY": "...", "DESCRIPTION": null, "CATEGORIES": ["..."], "COMMENT": [],
                      "DTSTART": "2026-12-15", "DTEND": "2026-12-16", "RRULE": null, "RDATE": []}}}
A missing key counts as absent (null, or [] for CATEGORIES, COMMENT and RDATE).

A reader that is not installed is skipped with a line starting "SKIPPED:".
Exit status: 0 when every reader (and EXPECTED) agrees, 1 on any disagreement or a reader that cannot
read the file, 2 on a usage error.
"""
import datetime
import json
import sys

EVENT_PROPERTIES = ["SUMMARY", "DESCRIPTION", "CATEGORIES", "COMMENT", "DTSTART", "DTEND", "RRULE", "RDATE"]
CALENDAR_PROPERTIES = ["X-WR-CALNAME", "X-WR-CALDESC"]
LISTS = {"CATEGORIES", "COMMENT", "RDATE"}


def day_or_time(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def compact_dates(text):
    """A raw RDATE value (`20260426,20270416`) as ISO dates."""
    out = []
    for part in text.split(","):
        part = part.strip()
        if len(part) == 8 and part.isdigit():
            out.append(f"{part[:4]}-{part[4:6]}-{part[6:]}")
        else:
            out.append(part)
    return out


def recur_parts(text):
    if text is None:
        return None
    return ";".join(sorted(p.upper() for p in text.split(";") if p))


def normalised(record):
    out = {}
    for key in EVENT_PROPERTIES:
        value = record.get(key)
        if key in LISTS:
            value = list(value or [])
            if key == "CATEGORIES":
                value = sorted(value)
        out[key] = value
    return out


def keyed(events):
    """Events keyed by UID; a repeated UID gets `#2`, `#3` … in file order."""
    out = {}
    for uid, record in events:
        key, n = uid, 1
        while key in out:
            n += 1
            key = f"{uid}#{n}"
        out[key] = normalised(record)
    return out


def read_icalendar(path):
    import icalendar

    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    calendar = {k: (str(cal[k]) if k in cal else None) for k in CALENDAR_PROPERTIES}
    events = []
    for ev in cal.walk("VEVENT"):
        def texts(name):
            value = ev.get(name)
            if value is None:
                return []
            return [str(v) for v in (value if isinstance(value, list) else [value])]

        categories = []
        for c in (lambda v: v if isinstance(v, list) else [v])(ev.get("CATEGORIES") or []):
            categories += [str(x) for x in c.cats]
        rdates = []
        for r in (lambda v: v if isinstance(v, list) else [v])(ev.get("RDATE") or []):
            rdates += [day_or_time(d.dt) for d in r.dts]
        rrule = ev.get("RRULE")
        events.append((str(ev.get("UID")), {
            "SUMMARY": (texts("SUMMARY") or [None])[0],
            "DESCRIPTION": (texts("DESCRIPTION") or [None])[0],
            "CATEGORIES": categories,
            "COMMENT": texts("COMMENT"),
            "DTSTART": day_or_time(ev.decoded("DTSTART")) if "DTSTART" in ev else None,
            "DTEND": day_or_time(ev.decoded("DTEND")) if "DTEND" in ev else None,
            "RRULE": recur_parts(rrule.to_ical().decode()) if rrule is not None else None,
            "RDATE": rdates,
        }))
    return calendar, keyed(events)


def read_vobject(path):
    import vobject

    with open(path, encoding="utf-8") as f:
        cal = vobject.readOne(f.read())
    calendar = {}
    for k in CALENDAR_PROPERTIES:
        lines = cal.contents.get(k.lower())
        calendar[k] = lines[0].value if lines else None
    events = []
    for ev in cal.contents.get("vevent", []):
        def values(name):
            return [line.value for line in ev.contents.get(name, [])]

        categories = []
        for v in values("categories"):
            categories += list(v) if isinstance(v, list) else [v]
        rdates = []
        for v in values("rdate"):
            rdates += [day_or_time(d) for d in (v if isinstance(v, list) else [v])]
        rrule = values("rrule")
        events.append(((values("uid") or [None])[0], {
            "SUMMARY": (values("summary") or [None])[0],
            "DESCRIPTION": (values("description") or [None])[0],
            "CATEGORIES": categories,
            "COMMENT": values("comment"),
            "DTSTART": day_or_time((values("dtstart") or [None])[0]),
            "DTEND": day_or_time((values("dtend") or [None])[0]),
            "RRULE": recur_parts(rrule[0]) if rrule else None,
            "RDATE": rdates,
        }))
    return calendar, keyed(events)


def read_ics(path):
    import ics

    with open(path, encoding="utf-8") as f:
        cal = ics.Calendar(f.read())

    def raw(lines, name):
        return [line.value for line in lines if line.name.upper() == name]

    calendar = {k: (raw(cal.extra, k) or [None])[0] for k in CALENDAR_PROPERTIES}
    events = []
    for ev in sorted(cal.events, key=lambda e: (e.uid or "", str(e.begin))):
        def when(value):
            if value is None:
                return None
            return value.date().isoformat() if ev.all_day else value.isoformat()

        rdates = []
        for v in raw(ev.extra, "RDATE"):
            rdates += compact_dates(v)
        rrule = raw(ev.extra, "RRULE")
        events.append((ev.uid, {
            "SUMMARY": ev.name,
            "DESCRIPTION": ev.description,
            "CATEGORIES": list(ev.categories or []),
            "COMMENT": raw(ev.extra, "COMMENT"),
            "DTSTART": when(ev.begin),
            "DTEND": when(ev.end) if ev.has_end() else None,
            "RRULE": recur_parts(rrule[0]) if rrule else None,
            "RDATE": rdates,
        }))
    return calendar, keyed(events)


READERS = [("icalendar", "icalendar", read_icalendar), ("vobject", "vobject", read_vobject),
           ("ics", "ics", read_ics)]


def show(value):
    return json.dumps(value, ensure_ascii=False)


def compare(label, views, out, quiet):
    """Prints one property as the readers see it; returns True when they agree."""
    values = [show(v) for v in views.values()]
    if len(set(values)) <= 1:
        if not quiet:
            out.append(f"  {label}: {values[0] if values else 'null'} ({', '.join(views)})")
        return True
    out.append(f"  {label}: readers disagree")
    for name, value in views.items():
        out.append(f"    {name}: {show(value)}")
    return False


def main(argv):
    expect_path, quiet, files = None, False, []
    args = iter(argv)
    for a in args:
        if a == "--expect":
            expect_path = next(args, None)
        elif a == "--quiet":
            quiet = True
        else:
            files.append(a)
    if len(files) != 1 or (expect_path is None and "--expect" in argv):
        print("usage: ics_compare.py [--expect EXPECTED.json] [--quiet] FILE.ics", file=sys.stderr)
        return 2
    path = files[0]
    seen, failed = {}, False
    stdout, stderr = sys.stdout, sys.stderr
    for name, module, read in READERS:
        try:
            __import__(module)
        except ImportError:
            print(f"SKIPPED: {name} is not installed (make test-deps installs it)")
            continue
        finally:
            # ics.py pulls in colorama, which wraps the standard streams again and again
            sys.stdout, sys.stderr = stdout, stderr
        try:
            seen[name] = read(path)
        except Exception as e:  # a reader that cannot read the file at all is a failure
            print(f"{path}: {name} cannot read it: {type(e).__name__}: {e}")
            failed = True
        finally:
            sys.stdout, sys.stderr = stdout, stderr
    if expect_path:
        with open(expect_path, encoding="utf-8") as f:
            expected = json.load(f)
        events = {uid: normalised(record) for uid, record in expected.get("events", {}).items()}
        calendar = {k: expected.get("calendar", {}).get(k) for k in CALENDAR_PROPERTIES}
        seen["expected"] = (calendar, events)
    if not seen:
        print(f"SKIPPED: no reader could be used for {path}")
        return 1 if failed else 0
    out = [f"{path}: read by {', '.join(seen)}"]

    def section(header, lines):
        if lines or not quiet:
            out.append(header)
            out.extend(lines)

    lines = []
    for key in CALENDAR_PROPERTIES:
        failed |= not compare(key, {n: s[0].get(key) for n, s in seen.items()}, lines, quiet)
    section("VCALENDAR", lines)
    uids = []
    for _, (_, events) in seen.items():
        uids += [u for u in events if u not in uids]
    for uid in uids:
        lines = []
        missing = [n for n, (_, events) in seen.items() if uid not in events]
        if missing:
            lines.append(f"  missing in {', '.join(missing)}")
            failed = True
        views = {n: events[uid] for n, (_, events) in seen.items() if uid in events}
        for key in EVENT_PROPERTIES:
            failed |= not compare(key, {n: e[key] for n, e in views.items()}, lines, quiet)
        section(f"VEVENT {uid}", lines)
    print("\n".join(out))
    print(f"{path}: {'readers disagree' if failed else 'every reader agrees'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
