"""Compares Loa's reading of YAML files with PyYAML's.

Usage: yaml_compare.py FILE LOA_JSON [FILE LOA_JSON ...]

FILE is a whole YAML file (.yml, .yaml) or a Markdown file whose front matter lies between its first
two `---` lines. LOA_JSON is a JSON file holding what Loa read from FILE: a mapping as an object (keys in
file order), a sequence as an array, a scalar as a string, an empty document as null.

PyYAML reads FILE with its BaseLoader, which keeps every scalar a string: exactly Loa's model, where a
scalar gets its type from the schema of its key (SPEC §2.2). Strings are compared in Unicode NFC, since
Loa normalises text on reading (SPEC §2.1).

Prints one line per difference, `FILE: KEY.PATH: ...`, and a YAML error as `FILE:LINE:COL: ...`.
Exit status: 0 when every pair agrees, 1 on any difference or YAML error, 2 on a usage error.
"""
import json
import sys
import unicodedata

import yaml


def is_marker(line):
    return line.rstrip(" \t") == "---"


def yaml_text(path):
    """The YAML text of FILE and the file line its first line is on."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8")
    if not path.endswith(".md"):
        return text, 1
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    if not lines or not is_marker(lines[0]):
        raise ValueError("no front matter: the first line is not ---")
    for i in range(1, len(lines)):
        if is_marker(lines[i]):
            return "\n".join(lines[1:i]) + "\n", 2
    raise ValueError("front matter not closed by a --- line")


def show(value):
    return json.dumps(value, ensure_ascii=False)


def kind(value):
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "sequence"
    if value is None:
        return "empty document"
    return "scalar"


def join(path, key):
    if isinstance(key, int):
        return f"{path}[{key}]"
    return key if path == "$" else f"{path}.{key}"


def compare(loa, other, path, out):
    """Appends a line to `out` for every place where the two value trees differ."""
    if kind(loa) != kind(other):
        out.append(f"{path}: Loa reads a {kind(loa)} {show(loa)}, PyYAML a {kind(other)} {show(other)}")
        return
    if isinstance(loa, dict):
        loa_keys, other_keys = list(loa), [str(k) for k in other]
        other = {str(k): v for k, v in other.items()}
        for key in loa_keys:
            if key not in other:
                out.append(f"{join(path, key)}: only Loa reads this key")
        for key in other_keys:
            if key not in loa:
                out.append(f"{join(path, key)}: only PyYAML reads this key")
        common = [k for k in loa_keys if k in other]
        if common != [k for k in other_keys if k in loa]:
            out.append(f"{path}: keys in another order: Loa {show(loa_keys)}, PyYAML {show(other_keys)}")
        for key in common:
            compare(loa[key], other[key], join(path, key), out)
    elif isinstance(loa, list):
        if len(loa) != len(other):
            out.append(f"{path}: Loa reads {len(loa)} entries, PyYAML {len(other)}")
        for i, (a, b) in enumerate(zip(loa, other)):
            compare(a, b, join(path, i), out)
    elif loa is not None:
        mine = unicodedata.normalize("NFC", loa)
        theirs = unicodedata.normalize("NFC", other)
        if mine != theirs:
            out.append(f"{path}: Loa reads {show(mine)}, PyYAML {show(theirs)}")


def check(path, loa_json):
    """The lines to print for one pair (empty when both readers agree)."""
    with open(loa_json, encoding="utf-8") as f:
        loa = json.load(f)
    try:
        text, first_line = yaml_text(path)
    except (ValueError, UnicodeDecodeError) as e:
        return [f"{path}:1:1: {e}"]
    try:
        other = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + first_line if mark else first_line
        col = mark.column + 1 if mark else 1
        problem = getattr(e, "problem", None) or str(e)
        return [f"{path}:{line}:{col}: PyYAML cannot read it: {problem}"]
    out = []
    compare(loa, other, "$", out)
    return [f"{path}: {line}" for line in out]


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = 0
    pairs = list(zip(argv[0::2], argv[1::2]))
    for path, loa_json in pairs:
        for line in check(path, loa_json):
            print(line)
            problems += 1
    print(f"{len(pairs)} files compared, {problems} differences", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
