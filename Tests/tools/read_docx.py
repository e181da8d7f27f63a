#!/usr/bin/env python3
"""Reads Word documents with python-docx, a reader Loa did not write, and prints what a checker needs as JSON.

    read_docx.py FILE.docx [FILE.docx ...]

For each file: the page size and margins in millimetres, whether the first page has a header of its own, the
text of the headers (and whether the other pages' header holds a PAGE field), the default font and size, every
paragraph's text with its style name, every table as rows of cell texts with whether it draws borders, and the
number of pictures. Prints "SKIPPED: reason" and exits 0 when python-docx is missing.
"""
import json
import sys


def main():
    try:
        import docx  # noqa: imported here so a missing module is reported, not raised
        from docx.shared import Length
        from docx.oxml.ns import qn
    except ImportError:
        print("SKIPPED: python-docx is not installed")
        return 0
    out = {}
    for path in sys.argv[1:]:
        d = docx.Document(path)
        s = d.sections[0]

        def mm(x):
            return round(Length(x).mm, 1)

        def header_info(header):
            xml = header._element.xml
            return {"text": "\n".join(p.text for p in header.paragraphs), "page_field": " PAGE " in xml
                    or 'w:instr="PAGE"' in xml or "w:instr=\" PAGE \"" in xml}

        default = d.styles["Normal"].font
        tables = []
        for t in d.tables:
            borders = t._tbl.tblPr.find(qn("w:tblBorders"))
            values = [] if borders is None else [e.get(qn("w:val")) for e in borders]
            tables.append({"rows": [[c.text for c in r.cells] for r in t.rows],
                           "borders": any(v not in (None, "nil", "none") for v in values)})
        out[path] = {
            "page": {"width": mm(s.page_width), "height": mm(s.page_height), "top": mm(s.top_margin),
                     "bottom": mm(s.bottom_margin), "left": mm(s.left_margin), "right": mm(s.right_margin)},
            "different_first_page": s.different_first_page_header_footer,
            "header": header_info(s.header),
            "first_page_header": header_info(s.first_page_header),
            "font": {"name": default.name, "size": default.size.pt if default.size else None},
            "paragraphs": [{"text": p.text, "style": p.style.name} for p in d.paragraphs],
            "tables": tables,
            "pictures": len(d.inline_shapes),
        }
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
