#!/usr/bin/env python3
"""Reads an Atom feed with feedparser, as feed readers do, and prints what a test checks as JSON:

    python3 Tests/tools/read_feed.py FEED.xml

the version feedparser recognised, whether it found the feed malformed (bozo), the feed's id, title, link and
updated, and each entry's id, title, link, published, summary, content and categories. Exit 2 when feedparser is
missing.
"""
import json
import sys

try:
    import feedparser
except ImportError as e:
    print("SKIPPED: Python's feedparser is not installed (%s)" % e)
    sys.exit(2)

d = feedparser.parse(sys.argv[1])
out = {
    "version": d.version, "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
    "id": d.feed.get("id"), "title": d.feed.get("title"), "updated": d.feed.get("updated"),
    "links": [l.get("href") for l in d.feed.get("links", [])],
    "entries": [{
        "id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "published": e.get("published"),
        "summary": e.get("summary"), "content": [c.get("value") for c in e.get("content", [])],
        "tags": [t.get("term") for t in e.get("tags", [])],
    } for e in d.entries],
}
print(json.dumps(out, ensure_ascii=False))
