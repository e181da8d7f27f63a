#!/usr/bin/env python3
"""Prints HTML files to PDF with headless Chromium, as a user's "Print to PDF" would.

    print_pdf.py OUT_DIR FILE.html [FILE.html ...]

Each FILE.html becomes OUT_DIR/<name>.pdf, where <name> is the file's path with "/" replaced by "__".
The page size and margins come from the document's own CSS (@page), as in Chromium's print dialog.
One browser (through selenium and chromedriver) prints every file; without selenium, each file is printed by
`chromium --headless --print-to-pdf`. Prints "SKIPPED: reason" and exits 0 when Chromium is missing.
"""
import base64
import os
import shutil
import subprocess
import sys


def pdf_name(path):
    return os.path.relpath(path).replace(os.sep, "__").removesuffix(".html") + ".pdf"


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_with_selenium(binary, files, out_dir):
    from selenium import webdriver  # noqa: imported here so the fallback works without it
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    service = None
    driver_path = shutil.which("chromedriver")
    if driver_path:
        from selenium.webdriver.chrome.service import Service
        service = Service(driver_path)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        for f in files:
            driver.get("file://" + os.path.abspath(f))
            pdf = driver.execute_cdp_cmd("Page.printToPDF", {
                "preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False,
            })
            with open(os.path.join(out_dir, pdf_name(f)), "wb") as out:
                out.write(base64.b64decode(pdf["data"]))
    finally:
        driver.quit()


def print_with_cli(binary, files, out_dir):
    for f in files:
        target = os.path.join(out_dir, pdf_name(f))
        subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + target, "file://" + os.path.abspath(f)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    out_dir, files = sys.argv[1], sys.argv[2:]
    binary = chromium_binary()
    if binary is None:
        print("SKIPPED: Chromium is not installed")
        return 0
    os.makedirs(out_dir, exist_ok=True)
    try:
        import selenium  # noqa: F401
    except ImportError:
        print_with_cli(binary, files, out_dir)
        return 0
    print_with_selenium(binary, files, out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
