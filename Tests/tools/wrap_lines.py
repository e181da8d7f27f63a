#!/usr/bin/env python3
"""Wraps Swift source lines longer than the limit (120 columns), the way a person would: after a comma of an
argument list, before a binary operator, between the words of a string literal
(joined with +) or of a comment. Lines it cannot wrap safely are listed, not changed.

    python3 Tests/tools/wrap_lines.py [--check] FILE_OR_DIR...

With --check it changes nothing and exits 1 when a line is too long (what `make test` runs).
"""
import os
import sys

LIMIT = 120


def scan(line):
    """Where a code line may be cut: (kind, index) pairs outside string literals and their interpolations — after the
    comma of a list, before a binary operator, between the words of a string literal. None
    for a line that opens a multi-line string or does not close its literals."""
    cands = []
    i, n = 0, len(line)
    stack = []          # the open string literals and interpolations
    mode = "code"
    depth = 0
    while i < n:
        c = line[i]
        inside = any(f[0] == "interp" for f in stack)
        if mode == "code":
            if line.startswith("//", i):
                if not inside:
                    cands.append(("comment", i, depth))
                break
            if c == '"':
                if line.startswith('"""', i):
                    return None
                stack.append(("str", depth))
                mode = "str"
                i += 1
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0 and stack and stack[-1][0] == "interp":
                    _, depth = stack.pop()
                    mode = "str"
                    i += 1
                    continue
                depth -= 1
            elif not inside and c == "," and line[i + 1:i + 2] == " ":
                cands.append(("comma", i + 1, depth))
            elif not inside and c == ";" and line[i + 1:i + 2] == " " and depth == 0:
                cands.append(("semi", i + 1, depth))
            elif not inside and c == ":" and depth == 0:
                cands.append(("colon", i, depth))
            elif not inside and c == " ":
                if any(line.startswith(op, i + 1) for op in ("&& ", "|| ", "?? ", "+ ", "? ", "else ")):
                    cands.append(("op", i, depth))
            i += 1
        else:
            if c == "\\":
                if line[i + 1:i + 2] == "(":
                    stack.append(("interp", depth))
                    depth = 0
                    mode = "code"
                    i += 2
                    continue
                i += 2
                continue
            if c == '"':
                _, depth = stack.pop()
                mode = "code"
                i += 1
                continue
            if c == " " and not inside:
                cands.append(("strspace", i + 1, depth))
            i += 1
    if mode != "code" or stack:
        return None
    return cands


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def wrap_comment(line):
    ind = indent_of(line)
    body = line.lstrip(" ")
    prefix = "/// " if body.startswith("/// ") else "// " if body.startswith("// ") else None
    if prefix is None:
        return None
    words = body[len(prefix):].split(" ")
    out, cur = [], ""
    for w in words:
        trial = (cur + " " + w) if cur else w
        if ind + len(prefix) + len(trial) > LIMIT and cur:
            out.append(" " * ind + prefix + cur)
            cur = w
        else:
            cur = trial
    out.append(" " * ind + prefix + cur)
    return out if all(len(l) <= LIMIT for l in out) else None


def wrap_once(line):
    """Two lines for one, or None."""
    stripped = line.lstrip(" ")
    if stripped.startswith("//"):
        return wrap_comment(line)
    cands = scan(line)
    if cands is None:
        return None
    ind = indent_of(line)
    cont = " " * (ind + 4)
    lo = ind + 24
    # a trailing comment: move it above
    for kind, at, _ in cands:
        if kind == "comment" and at > ind:
            code, comment = line[:at].rstrip(), line[at:]
            return [" " * ind + comment, code] if len(" " * ind + comment) <= LIMIT else None
    # statements joined by ";" go on lines of their own
    semis = [at for kind, at, _ in cands if kind == "semi" and lo < at <= LIMIT]
    if semis:
        return [line[:semis[-1]].rstrip(), " " * ind + line[semis[-1]:].lstrip(" ")]
    # a case declaration of an enum: the cases after the cut get a "case" of their own
    if stripped.startswith("case ") and not any(kind == "colon" for kind, _, _ in cands):
        cuts = [at for kind, at, depth in cands if kind == "comma" and depth == 0 and lo < at <= LIMIT]
        if cuts:
            return [line[:cuts[-1]].rstrip().rstrip(","), " " * ind + "case " + line[cuts[-1]:].lstrip(" ")]
    # the outermost place that fits, the rightmost of those
    best = None
    for kind, at, depth in cands:
        if kind in ("comma", "op") and lo < at <= LIMIT - 1 and not line[:at].rstrip().endswith(("(", "[")):
            if best is None or depth <= best[0]:
                best = (depth, at)
    if best is not None:
        return [line[:best[1]].rstrip(), cont + line[best[1]:].lstrip(" ")]
    # a string literal too long: cut between two words and join with +
    for kind, at, _ in reversed(cands):
        if kind == "strspace" and lo < at <= LIMIT - 2:
            return [line[:at] + '"', cont + '+ "' + line[at:]]
    return None


def wrap_sql(line):
    out = []
    while len(line) > LIMIT:
        ind, depth, cut = indent_of(line), 0, None
        for i, c in enumerate(line):
            if line.startswith("\\(", i):
                depth += 1
            elif c == ")" and depth > 0:
                depth -= 1
            elif c == " " and depth == 0 and ind + 20 < i <= LIMIT and line[:i].strip():
                cut = i
        if cut is None:
            return None
        out.append(line[:cut].rstrip())
        line = " " * (ind + 2) + line[cut:].lstrip(" ")
    return out + [line]


def wrap_line(line):
    out = [line]
    for _ in range(8):
        if all(len(l) <= LIMIT for l in out):
            return out
        new = []
        for l in out:
            if len(l) <= LIMIT:
                new.append(l)
                continue
            w = wrap_once(l)
            if w is None:
                return None
            new.extend(w)
        out = new
    return out if all(len(l) <= LIMIT for l in out) else None


def process(path, check):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    changed, failed, in_multiline = False, [], False
    out = []
    for number, line in enumerate(lines, 1):
        if line.count('"""') % 2 == 1:
            in_multiline = not in_multiline
            out.append(line)
            continue
        if len(line) <= LIMIT:
            out.append(line)
            continue
        if in_multiline and not check:
            # SQL (the only multi-line strings of the store) may break at any space outside an interpolation
            w = wrap_sql(line) if "/LoaStore/" in path else None
            if w is None:
                failed.append(number)
                out.append(line)
            else:
                out.extend(w)
                changed = True
            continue
        if check:
            failed.append(number)
            out.append(line)
            continue
        w = wrap_line(line)
        if w is None:
            failed.append(number)
            out.append(line)
        else:
            out.extend(w)
            changed = True
    if changed and not check:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    return failed


def main():
    check = "--check" in sys.argv
    files = []
    for a in [a for a in sys.argv[1:] if a != "--check"]:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                files += [os.path.join(root, n) for n in names if n.endswith(".swift")]
        else:
            files.append(a)
    bad = 0
    for path in sorted(files):
        for number in process(path, check):
            print(f"{path}:{number}:{LIMIT + 1}: error: line longer than {LIMIT} columns", file=sys.stderr)
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
