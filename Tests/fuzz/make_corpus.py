#!/usr/bin/env python3
"""Writes a corpus of damaged report forms (.md) and activity tables (.csv) for Loa's importer.

    python3 Tests/fuzz/make_corpus.py --seed 1 --out /tmp/corpus

Every file is derived from the shipped sample forms in reports/samples/ or from their activity table, with
one named kind of damage (the kinds of issue 17: years 0000 and 9999, 50,000 nested "- ", invalid UTF-8
across a quoted line break, huge participant counts, 300,000- and 1,000,000-comma rows, multi-megabyte
summaries, terminal escapes, "." and ".." ids, raw HTML, newlines inside values, truncation, NUL bytes,
BOM/CRLF mixes, duplicate keys, wrong types, and more). The same seed writes the same bytes.

Also writes manifest.json: {"seed", "files": [{"path", "kind", "expect"}], "kinds": {kind: description}}.
"expect" is "reject" when the damage must make Loa reject the file whatever else changes, "accept" when the
file is valid, and "either" when the outcome depends on rules outside the parsers (a participant count
far above the unit's size, raw HTML in a title) or on where a random cut or bit flip fell.
Python 3 standard library only.
"""
import argparse
import json
import os
import random
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = ("đoàn viên đồng tình với chủ trương mong sớm có thêm tài liệu giới thiệu bảo tàng đảng chuyển đổi số "
         "nhà khách hồ tây công đoàn cơ sở tuyên truyền hội nghị quán triệt kế hoạch tiến độ cán bộ").split()
KINDS = {}


def kind(name, expect, count, description):
    """Registers a generator: `count` files of this kind, each from fn(rng, base) -> bytes."""
    def register(fn):
        KINDS[name] = (expect, count, description, fn)
        return fn
    return register


def vietnamese(rng, size):
    out, n = [], 0
    while n < size:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w.encode()) + 1
    return " ".join(out)


def replace_line(text, key, value, rng):
    """Replaces the value of a random line holding `key:` (keeping its indentation)."""
    lines = text.split("\n")
    hits = [i for i, l in enumerate(lines) if l.strip().startswith(key + ":") or l.strip().startswith("- " + key + ":")]
    if not hits:
        return text
    i = rng.choice(hits)
    head = lines[i][:lines[i].index(key + ":") + len(key) + 1]
    lines[i] = head + " " + value
    return "\n".join(lines)


def front_matter_end(text):
    return text.index("\n---", 3)


def insert_in_front_matter(text, rng, fragment):
    end = front_matter_end(text)
    pos = rng.randrange(4, end)
    return text[:pos] + fragment + text[pos:]


# ---- report forms -------------------------------------------------------------------------------------

@kind("valid-form", "accept", 30, "a shipped sample form, unchanged but for the reporter's name")
def valid_form(rng, base):
    return replace_line(base, "reporter", rng.choice(["Nguyễn Thị Lan", "Lò Văn Hùng", "Quàng Thị Mai"]), rng).encode()


@kind("year-0000", "reject", 30, "a date or the period in year 0000")
def year_0000(rng, base):
    key = rng.choice(["date", "submitted", "period"])
    value = "0000-11" if key == "period" else "0000-11-%02d" % rng.randint(1, 28)
    return replace_line(base, key, value, rng).encode()


@kind("year-9999", "reject", 30, "a date or the period in year 9999")
def year_9999(rng, base):
    key = rng.choice(["date", "submitted", "period"])
    value = "9999-12" if key == "period" else "9999-12-31"
    return replace_line(base, key, value, rng).encode()


@kind("year-out-of-range", "reject", 20, "a date just outside 1900-2200")
def year_out_of_range(rng, base):
    return replace_line(base, rng.choice(["date", "submitted"]), rng.choice(["1899-12-31", "2201-01-01", "0001-01-01"]), rng).encode()


@kind("invalid-date", "reject", 20, "a date that does not exist or is malformed")
def invalid_date(rng, base):
    bad = rng.choice(["2026-02-30", "2026-13-01", "2026-11-31", "2026-1-5", "26-11-05", "2026/11/05", "hôm qua"])
    return replace_line(base, rng.choice(["date", "submitted"]), bad, rng).encode()


@kind("deep-nesting", "reject", 12, "50,000 nested '- ' (100 KB), or thousands of nested mappings")
def deep_nesting(rng, base):
    if rng.random() < 0.6:
        deep = "\n  " + "- " * 50_000 + "x"
    else:
        deep = "\n" + "".join(" " * (i + 2) + "k%d:\n" % i for i in range(rng.randint(40, 600))) + " " * 700 + "v: 1"
    return replace_line(base, rng.choice(["received", "themes", "items"]), deep, rng).encode()


@kind("huge-participants", "either", 25, "participants far above any unit, up to beyond 64-bit integers")
def huge_participants(rng, base):
    value = rng.choice([10**6, 10**7, 10**9, 10**12, 2**62, 2**63 - 1, 2**63, 2**64 + 7, 10**30])
    return replace_line(base, "participants", str(value), rng).encode()


@kind("negative-participants", "reject", 10, "a negative or non-numeric participant count")
def negative_participants(rng, base):
    return replace_line(base, "participants", rng.choice(["-1", "-9223372036854775808", "1e3", "0x10", "4 2"]), rng).encode()


@kind("summary-over-limit", "reject", 3, "a Vietnamese summary of 1.5 to 3 MB (a form larger than the 1 MiB limit)")
def summary_over_limit(rng, base):
    return replace_line(base, "summary", vietnamese(rng, rng.choice([1_500_000, 2_000_000, 3_000_000])), rng).encode()


@kind("summary-large", "either", 3, "a Vietnamese summary of 300 to 900 KB, under the file limit")
def summary_large(rng, base):
    return replace_line(base, "summary", vietnamese(rng, rng.choice([300_000, 600_000, 900_000])), rng).encode()


@kind("summary-decomposed", "either", 5, "a long summary in decomposed Unicode (NFD), as pasted from some PDFs")
def summary_decomposed(rng, base):
    return replace_line(base, "summary", unicodedata.normalize("NFD", vietnamese(rng, rng.choice([2_000, 200_000]))), rng).encode()


@kind("control-chars", "reject", 30, "terminal escapes, C1 controls and DEL in values or in the notes")
def control_chars(rng, base):
    bad = rng.choice(["\x1b[2K\r", "\x1b]0;pwned\x07", "\x1b[31mĐỎ\x1b[0m", "\u009b2J", "\u0085", "\x7f", "\x08\x08", "\x0c"])
    if rng.random() < 0.3:
        return (base + "Ghi chú " + bad + "\n").encode()
    key = rng.choice(["title", "summary", "reporter"])
    return replace_line(base, key, "Nội dung " + bad + " tiếp", rng).encode()


@kind("yaml-escape-control", "reject", 15, "control characters made by escapes in double quotes")
def yaml_escape_control(rng, base):
    esc = rng.choice(["\\e[2K", "\\u001b[31m", "\\x1b", "\\0", "\\a", "\\r", "\\N", "\\U0000009b"])
    return replace_line(base, rng.choice(["title", "summary", "reporter"]), '"Nội dung ' + esc + ' tiếp"', rng).encode()


@kind("nul-bytes", "reject", 25, "NUL bytes in the front matter or the notes")
def nul_bytes(rng, base):
    data = bytearray(base.encode())
    for _ in range(rng.randint(1, 3)):
        data.insert(rng.randrange(len(data)), 0)
    return bytes(data)


@kind("dot-ids", "reject", 25, "'.', '..' and path-like ids for the unit, items and themes")
def dot_ids(rng, base):
    bad = rng.choice([".", "..", "../cdcs-so-gddt", "./x", "a/../b", "-x", "a_b"])
    key = rng.choice(["unit", "items", "themes"])
    return replace_line(base, key, bad if key == "unit" else "[" + bad + "]", rng).encode()


@kind("raw-html", "either", 25, "raw HTML and script in values and notes")
def raw_html(rng, base):
    html = rng.choice(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
                       "</td></tr><tr><td>giả</td>", "&lt;b&gt; &amp; <b>đậm</b>"])
    text = replace_line(base, rng.choice(["title", "summary"]), '"' + html.replace('"', '\\"') + '"', rng)
    return (text + "\n" + html + "\n").encode()


@kind("newline-in-value", "either", 25, "line breaks inside values: escaped, folded quoted and folded plain")
def newline_in_value(rng, base):
    value = rng.choice(['"dòng một\\ndòng hai"', '"dòng một\n      dòng hai"', "'dòng một\n\n      dòng hai'",
                        "dòng một\n      dòng hai", '"dòng một\\\n      dòng hai"'])
    return replace_line(base, rng.choice(["title", "summary", "reporter"]), value, rng).encode()


@kind("truncated", "either", 40, "the file cut at a random byte (possibly inside a UTF-8 sequence)")
def truncated(rng, base):
    data = base.encode()
    return data[:rng.randrange(0, len(data))]


@kind("bom-crlf", "accept", 20, "a BOM and CRLF line ends, or a mix of CRLF and LF")
def bom_crlf(rng, base):
    lines = base.split("\n")
    out = "\n".join(l + ("\r" if rng.random() < 0.6 else "") for l in lines[:-1]) + "\n" + lines[-1]
    return b"\xef\xbb\xbf" + out.encode() if rng.random() < 0.7 else out.encode()


@kind("lone-cr", "reject", 10, "a carriage return not followed by a line feed inside the front matter")
def lone_cr(rng, base):
    return replace_line(base, rng.choice(["title", "summary", "reporter"]), "một\rhai", rng).encode()


@kind("duplicate-keys", "reject", 25, "a key written twice in one mapping")
def duplicate_keys(rng, base):
    lines = base.split("\n")
    candidates = [i for i, l in enumerate(lines[:base[:front_matter_end(base)].count("\n") + 1])
                  if ":" in l and not l.lstrip().startswith("#") and not l.strip().endswith(":") and i > 0]
    i = rng.choice(candidates)
    line = lines[i]
    if line.lstrip().startswith("- "):
        line = line.replace("- ", "  ", 1)
    lines.insert(i + 1, line)
    return "\n".join(lines).encode()


@kind("wrong-types", "reject", 30, "lists where values belong, mappings where lists belong, text for numbers")
def wrong_types(rng, base):
    key, value = rng.choice([("participants", "[1, 2]"), ("participants", "nhiều"), ("themes", "{a: b}"),
                             ("activities", "có tổ chức"), ("feedback", "[x]"), ("period", "2026-11-05"),
                             ("title", "\n      - một\n      - hai"), ("mood", "vui"), ("date", "[2026-11-05]"),
                             ("received", "\n  a: b")])
    return replace_line(base, key, value, rng).encode()


@kind("invalid-utf8", "reject", 30, "bytes that are not UTF-8: 0xFF, overlong, lone continuation, surrogate, cut")
def invalid_utf8(rng, base):
    data = bytearray(base.encode())
    bad = rng.choice([b"\xff", b"\xc0\x80", b"\x80", b"\xed\xa0\x80", b"\xe1\xbb", b"\xf5\x80\x80\x80"])
    pos = rng.randrange(len(data))
    return bytes(data[:pos] + bad + data[pos:])


@kind("tab-indent", "reject", 15, "tabs used for indentation or as separators")
def tab_indent(rng, base):
    lines = base.split("\n")
    end = base[:front_matter_end(base)].count("\n")
    i = rng.choice([i for i in range(2, end + 1) if lines[i].startswith("  ") or ": " in lines[i]])
    lines[i] = lines[i].replace("  ", "\t", 1) if lines[i].startswith("  ") else lines[i].replace(": ", ":\t", 1)
    return "\n".join(lines).encode()


@kind("yaml-unsupported", "reject", 25, "anchors, aliases, tags, flow mappings, folded scalars, directives")
def yaml_unsupported(rng, base):
    value = rng.choice(["&a x", "*a", "!!str 5", "{a: 1}", ">\n      gấp", "%YAML", "@x", "`x`", "|9\n  x"])
    return replace_line(base, rng.choice(["title", "summary", "reporter"]), value, rng).encode()


@kind("plain-colon", "reject", 25, "an unquoted value holding ': ' or ending with ':' (valid for Loa once, not YAML)")
def plain_colon(rng, base):
    value = rng.choice(["Chuyên đề: chuyển đổi số", "Hội nghị:", "Điện Biên: ngày hội: lần 2", "- gạch đầu dòng",
                        "? hỏi", ", phẩy", "] ngoặc", "[a, b: c]", "[x, {y}]"])
    return replace_line(base, rng.choice(["title", "summary", "reporter"]), value, rng).encode()


@kind("unterminated", "reject", 25, "an unclosed quote, [ list or front matter")
def unterminated(rng, base):
    choice = rng.randrange(3)
    if choice == 0:
        return replace_line(base, rng.choice(["title", "summary"]), '"chưa đóng', rng).encode()
    if choice == 1:
        return replace_line(base, rng.choice(["themes", "received"]), "[a, b", rng).encode()
    return base[:front_matter_end(base)].encode() + b"\n"


@kind("unknown-key", "reject", 20, "a misspelt or unknown key")
def unknown_key(rng, base):
    typo = rng.choice([("participants", "partcipants"), ("summary", "sumary"), ("title", "tittle"), ("unit", "don_vi")])
    return base.replace(typo[0] + ":", typo[1] + ":", 1).encode()


@kind("bit-flip", "either", 60, "one to five random bits flipped anywhere")
def bit_flip(rng, base):
    data = bytearray(base.encode())
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


@kind("long-line", "reject", 4, "a 300-900 KB key name on one line")
def long_line(rng, base):
    key = "k" * rng.choice([300_000, 600_000, 900_000])
    end = front_matter_end(base)
    return (base[:end] + "\n" + key + ": 1" + base[end:]).encode()


@kind("many-activities", "either", 3, "thousands of activities in one form")
def many_activities(rng, base):
    period = base.split("period: ", 1)[1][:7]
    block = "".join("  - date: %s-%02d\n    type: khac\n    title: Hoạt động số %d\n    themes: [museum/1.1/a]\n"
                    "    participants: %d\n" % (period, 1 + i % 28, i, i % 50) for i in range(rng.choice([1000, 4000])))
    return base.replace("activities:\n", "activities:\n" + block, 1).encode()


@kind("bad-indent", "reject", 15, "a key or list entry indented one space off")
def bad_indent(rng, base):
    lines = base.split("\n")
    end = base[:front_matter_end(base)].count("\n")
    i = rng.choice([i for i in range(2, end + 1) if lines[i].startswith("    ")] or [end])
    lines[i] = lines[i][1:] if rng.random() < 0.5 and lines[i].startswith(" ") else " " + lines[i]
    return "\n".join(lines).encode()


@kind("empty", "reject", 10, "an empty file, white space only, or empty front matter")
def empty(rng, base):
    return rng.choice([b"", b"\n\n", b"   ", b"---\n---\n", b"---\n\n---\nchi co ghi chu\n", b"\xef\xbb\xbf"])


# ---- activity tables ------------------------------------------------------------------------------------

HEADER = "unit,date,type,title,themes,participants,items"


def table_rows(base):
    return base.rstrip("\n").split("\n")[1:]


def table(rows, header=HEADER):
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def set_field(row, index, value):
    fields = row.split(",")
    fields[index] = value
    return ",".join(fields)


def csv_kind(name, expect, count, description):
    return kind("csv-" + name, expect, count, description)


@csv_kind("valid", "accept", 20, "the shipped activity table, rows shuffled")
def csv_valid(rng, base):
    rows = table_rows(base)
    rng.shuffle(rows)
    return table(rows)


@csv_kind("year-0000", "reject", 15, "a row dated in year 0000")
def csv_year_0000(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 1, "0000-11-%02d" % rng.randint(1, 28))
    return table(rows)


@csv_kind("year-9999", "reject", 15, "a row dated in year 9999")
def csv_year_9999(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 1, "9999-12-31")
    return table(rows)


@csv_kind("year-out-of-range", "reject", 10, "a row dated just outside 1900-2200")
def csv_year_out_of_range(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 1, rng.choice(["1899-12-31", "2201-01-01"]))
    return table(rows)


@csv_kind("invalid-utf8-quoted-break", "reject", 20, "invalid UTF-8 inside a quoted field after a line break")
def csv_invalid_utf8_quoted_break(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    bad = rng.choice([b"\xff", b"\xe1\xbb", b"\x80\x80", b"\xc3"])
    head = ",".join(rows[i].split(",")[:3]).encode()
    tail = ",".join(rows[i].split(",")[4:]).encode()
    title = b'"ti\xc3\xaau \r\n' + rng.choice([b"", b"ab", b"\xc4\x91"]) + bad + b'\nc"'
    body = [r.encode() for r in rows]
    body[i] = head + b"," + title + b"," + tail
    return HEADER.encode() + b"\n" + b"\n".join(body) + b"\n"


@csv_kind("invalid-utf8", "reject", 15, "bytes that are not UTF-8 anywhere in the table")
def csv_invalid_utf8(rng, base):
    data = bytearray(base.encode())
    pos = rng.randrange(len(data))
    return bytes(data[:pos] + rng.choice([b"\xff", b"\xc0\xaf", b"\xed\xbf\xbf"]) + data[pos:])


@csv_kind("commas-300k", "reject", 3, "a row with 300,000 commas")
def csv_commas_300k(rng, base):
    rows = table_rows(base)
    rows.insert(rng.randrange(len(rows) + 1), rows[0] + "," * 300_000)
    return table(rows)


@csv_kind("commas-1m", "reject", 2, "a row with 1,000,000 commas")
def csv_commas_1m(rng, base):
    rows = table_rows(base)
    rows.append("," * 1_000_000)
    return table(rows)


@csv_kind("huge-participants", "either", 15, "participant counts far beyond any unit, up to beyond 64 bits")
def csv_huge_participants(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 5, str(rng.choice([10**6, 10**9, 2**63 - 1, 2**63, 10**40])))
    return table(rows)


@csv_kind("control-chars", "reject", 20, "terminal escapes, C1 controls and NUL in fields")
def csv_control_chars(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    bad = rng.choice(["\x1b[2K", "\x1b]0;x\x07", "\u009b", "\x00", "\x7f", "\x0b"])
    rows[i] = set_field(rows[i], 3, '"Tiêu đề ' + bad + '"')
    return table(rows)


@csv_kind("long-field", "reject", 4, "a field of 70 to 500 KB, quoted or not")
def csv_long_field(rng, base):
    rows = table_rows(base)
    text = vietnamese(rng, rng.choice([70_000, 500_000])).replace(",", " ")
    rows[0] = set_field(rows[0], 3, '"' + text + '"' if rng.random() < 0.5 else text)
    return table(rows)


@csv_kind("long-row", "reject", 2, "a row over 1 MiB made of quoted fields under the field limit")
def csv_long_row(rng, base):
    field = '"' + "a\n" * 30_000 + '"'
    return table([",".join([field] * 20)], header="unit,date,type,title,themes,participants,items" + ",x" * 13)


@csv_kind("many-rows", "either", 2, "ten thousand valid rows")
def csv_many_rows(rng, base):
    rows = table_rows(base)
    return table([rows[i % len(rows)].replace("Tham quan", "Tham quan lần %d" % i) for i in range(10_000)])


@csv_kind("unterminated-quote", "reject", 15, "a quoted field that never closes")
def csv_unterminated_quote(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 3, '"chưa đóng')
    return table(rows)


@csv_kind("text-after-quote", "reject", 15, "text between a closing quote and the next delimiter")
def csv_text_after_quote(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 3, '"Tiêu đề"thừa')
    return table(rows)


@csv_kind("bom-crlf", "accept", 15, "a BOM and CRLF line ends, or a mix of CRLF and LF")
def csv_bom_crlf(rng, base):
    rows = [HEADER] + table_rows(base)
    text = "".join(r + ("\r\n" if rng.random() < 0.6 else "\n") for r in rows)
    return (b"\xef\xbb\xbf" if rng.random() < 0.7 else b"") + text.encode()


@csv_kind("truncated", "either", 30, "the table cut at a random byte")
def csv_truncated(rng, base):
    data = base.encode()
    return data[:rng.randrange(0, len(data))]


@csv_kind("dot-ids", "reject", 15, "'.', '..' and path-like unit, item and theme ids")
def csv_dot_ids(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], rng.choice([0, 4, 6]), rng.choice([".", "..", "../x", "museum/../a"]))
    return table(rows)


@csv_kind("raw-html", "either", 15, "raw HTML and script in titles")
def csv_raw_html(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 3, '"<script>alert(""x"")</script><img src=x onerror=alert(1)>"')
    return table(rows)


@csv_kind("field-count", "reject", 15, "a row with fields missing or extra")
def csv_field_count(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = rows[i] + ",thừa" if rng.random() < 0.5 else ",".join(rows[i].split(",")[:-2])
    return table(rows)


@csv_kind("bad-header", "reject", 15, "an unknown, duplicate or missing column")
def csv_bad_header(rng, base):
    header = rng.choice(["unit,date,type,title,themes,partcipants,items", "unit,date,type,title,themes,participants,unit",
                         "unit,type,title,themes,participants,items,x", "", "\"unit\",date"])
    return table(table_rows(base), header=header)


@csv_kind("bit-flip", "either", 40, "one to five random bits flipped anywhere")
def csv_bit_flip(rng, base):
    data = bytearray(base.encode())
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


@csv_kind("delimiters", "accept", 10, "semicolons (Excel in a Vietnamese locale) or tabs instead of commas")
def csv_delimiters(rng, base):
    sep = rng.choice([";", "\t"])
    rows = [HEADER] + table_rows(base)
    return ("\n".join(sep.join(r.split(",")) for r in rows) + "\n").encode()


@csv_kind("quoted-spaces", "accept", 10, "quoted fields with spaces, delimiters, quotes and line breaks inside")
def csv_quoted_spaces(rng, base):
    rows = table_rows(base)
    i = rng.randrange(len(rows))
    rows[i] = set_field(rows[i], 3, rng.choice(['"  Khoảng trắng  "', '"a, b; c"', '"nói ""có"""', '"hai\r\ndòng"']))
    return table(rows)


@csv_kind("empty", "either", 8, "an empty table, a header alone, or blank lines")
def csv_empty(rng, base):
    return rng.choice([b"", b"\n\n", HEADER.encode(), (HEADER + "\n\n\n").encode(), b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--root", default=ROOT, help="the Loa repository (for reports/samples)")
    args = parser.parse_args()

    samples = os.path.join(args.root, "reports", "samples")
    forms, tables = [], []
    for folder in sorted(os.listdir(samples)):
        for name in sorted(os.listdir(os.path.join(samples, folder))):
            text = open(os.path.join(samples, folder, name), encoding="utf-8").read()
            (tables if name.endswith(".csv") else forms).append(text)
    assert forms and tables, "no sample forms or tables under " + samples

    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    files, number = [], 0
    for name in KINDS:
        expect, count, _, fn = KINDS[name]
        is_table = name.startswith("csv-")
        for _ in range(count):
            base = rng.choice(tables if is_table else forms)
            data = fn(rng, base)
            number += 1
            path = "%04d-%s.%s" % (number, name, "csv" if is_table else "md")
            with open(os.path.join(args.out, path), "wb") as f:
                f.write(data)
            files.append({"path": path, "kind": name, "expect": expect})
    manifest = {"seed": args.seed, "files": files, "kinds": {k: v[2] for k, v in KINDS.items()}}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print("%d files, %d kinds, in %s" % (len(files), len(KINDS), args.out))


if __name__ == "__main__":
    main()
