#!/usr/bin/env python3
"""Reads e-mails back with Python's own `email` package, as a mail client would, and prints what a test checks
as JSON, one object per file in the order given:

    python3 Tests/tools/read_mail.py FILE.eml...

subject, from, to, message_id and date decoded; the tree of content types; the text and HTML bodies decoded;
the inline pictures (Content-ID, type, size) and the cid: references the HTML makes; the receipt link; whether
every line ends with CRLF and the longest line. Exit 2 when the email package cannot be imported.
"""
import json
import re
import sys

try:
    import email
    import email.policy
except ImportError as e:
    print("SKIPPED: " + str(e))
    sys.exit(2)


def read(path):
    raw = open(path, "rb").read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    lines = raw.split(b"\n")
    crlf = all(line.endswith(b"\r") for line in lines[:-1]) and lines[-1] == b""
    types, images = [], []
    for part in m.walk():
        types.append(part.get_content_type())
        if part.get_content_maintype() == "image":
            images.append({"cid": (part["Content-ID"] or "").strip("<>"), "type": part.get_content_type(),
                           "size": len(part.get_payload(decode=True) or b""),
                           "disposition": part.get_content_disposition()})
    text = m.get_body(("plain",))
    html = m.get_body(("html",))
    text_body = text.get_content() if text is not None else ""
    html_body = html.get_content() if html is not None else ""
    receipt = re.search(r"https?://\S+/r/\S+", text_body)
    return {
        "subject": str(m["Subject"]), "from": str(m["From"]), "to": str(m["To"]),
        "message_id": str(m["Message-ID"]), "date": str(m["Date"]), "types": types,
        "text": text_body, "html": html_body, "images": images,
        "html_cids": re.findall(r'src="cid:([^"]+)"', html_body),
        "receipt": receipt.group(0) if receipt else None,
        "crlf": crlf, "longest_line": max(len(line) for line in lines),
        "defects": [str(d) for part in m.walk() for d in part.defects],
    }


print(json.dumps([read(p) for p in sys.argv[1:]], ensure_ascii=False))
