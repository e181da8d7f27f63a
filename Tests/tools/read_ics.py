"""Prints what Python's icalendar sees in a calendar file, as JSON: one object per VEVENT."""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
events = []
for ev in cal.walk("VEVENT"):
    cats = ev.get("CATEGORIES")
    if cats is None:
        categories = []
    else:
        lists = cats if isinstance(cats, list) else [cats]
        categories = [str(c) for item in lists for c in item.cats]
    events.append({
        "uid": str(ev.get("UID")),
        "summary": str(ev.get("SUMMARY")),
        "start": ev.decoded("DTSTART").isoformat(),
        "end": ev.decoded("DTEND").isoformat() if ev.get("DTEND") else None,
        "status": str(ev.get("STATUS")),
        "item": str(ev.get("X-LOA-ITEM")),
        "channel": str(ev.get("X-LOA-CHANNEL")),
        "categories": categories,
        "stamp": ev.decoded("DTSTAMP").isoformat(),
    })
print(json.dumps({"name": str(cal.get("X-WR-CALNAME")), "tz": str(cal.get("X-WR-TIMEZONE")), "events": events}, ensure_ascii=False))
