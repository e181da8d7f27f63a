#!/bin/sh
# Regenerates docs/images/report-a4.png for the README: the first page of the demo's month report, printed to A4
# by headless Chromium (print_pdf.py) and rasterised by pdftoppm (poppler-utils). Run after `swift build`:
#     sh Tests/tools/report_screenshot.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/.build/debug/loa" demo "$tmp/demo" >/dev/null
(cd "$tmp/demo/out" && python3 "$root/Tests/tools/print_pdf.py" "$tmp/pdf" reports/month-2026-11.html)
mkdir -p "$root/docs/images"
pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$tmp/pdf/reports__month-2026-11.pdf" "$root/docs/images/report-a4"
echo "$root/docs/images/report-a4.png"
