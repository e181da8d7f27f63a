#!/usr/bin/env python3
"""Reads JSON lines {"yaml": text, "loa": tree} on stdin: YAML documents Loa accepted and the tree Loa read
(mappings as objects, sequences as arrays, scalars as strings). Loads each with PyYAML's BaseLoader (every
scalar a string, as Loa's schema wants) and prints one JSON line per document that PyYAML refuses or reads
differently. Prints nothing when all agree. Exit 3 when PyYAML is missing."""
import json
import sys

try:
    import yaml
except ImportError:
    print("PyYAML is not installed", file=sys.stderr)
    sys.exit(3)


def main():
    for line in sys.stdin:
        case = json.loads(line)
        try:
            theirs = yaml.load(case["yaml"], Loader=yaml.BaseLoader)
        except yaml.YAMLError as e:
            print(json.dumps({"yaml": case["yaml"], "loa": case["loa"], "pyyaml_error": str(e).split("\n")[0]},
                             ensure_ascii=False))
            continue
        if theirs != case["loa"]:
            print(json.dumps({"yaml": case["yaml"], "loa": case["loa"], "pyyaml": theirs}, ensure_ascii=False))


main()
