#!/usr/bin/env python3
"""A grassroots unit reports from a phone: Debian's Chromium at 360x740, driven by Selenium.

    unit_flow.py LINK SHOTS_DIR

Opens the unit's link, writes and sends November's report with two activities and a sensitive issue, then sends
a correction. Prints one JSON object with what it saw; screenshots go to SHOTS_DIR (unit-home.png,
unit-report.png, unit-sent.png). Exit 2 when Selenium or Chromium is missing (the caller decides what that means).
"""
import json
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("SKIPPED: Python's selenium is not installed")
    sys.exit(2)

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def browser():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,740",
              "--force-device-scale-factor=1", "--lang=vi"]:
        o.add_argument(a)
    o.binary_location = CHROMIUM
    d = webdriver.Chrome(service=Service(DRIVER), options=o)
    d.set_window_size(360, 740)
    return d


def full_shot(d, path):
    """A screenshot of the whole page at phone width."""
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(360, min(max(height, 740), 4000))
    d.save_screenshot(path)
    d.set_window_size(360, 740)


def type_into(d, name, text):
    field = d.find_element(By.NAME, name)
    field.clear()
    field.send_keys(text)


def set_date(d, name, iso):
    # a date picker's typing order follows the browser's locale; set the value a picker would
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.NAME, name), iso)


def choose(d, name, value):
    box = d.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')
    details = box.find_element(By.XPATH, "ancestor::details")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    if not box.is_selected():
        box.click()


def select(d, name, value):
    d.find_element(By.CSS_SELECTOR, f'select[name="{name}"] option[value="{value}"]').click()


def fill_activity(d, n, date, kind, title, participants, theme):
    p = f"activity-{n}-"
    set_date(d, p + "date", date)
    select(d, p + "type", kind)
    type_into(d, p + "title", title)
    type_into(d, p + "participants", participants)
    choose(d, p + "themes", theme)


def submit(d, value):
    """Clicks a submit button and waits until the next page has replaced this one."""
    click_and_wait(d, f'button[value="{value}"]')


def click_and_wait(d, selector):
    old = d.find_element(By.TAG_NAME, "html")
    d.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(d, 20).until(lambda drv: drv.execute_script("return document.readyState") == "complete"
                               and drv.find_element(By.TAG_NAME, "html").id != old.id)


def main():
    link, shots = sys.argv[1], sys.argv[2]
    seen = {}
    d = browser()
    try:
        d.get(link)
        seen["home_url"] = d.current_url
        seen["home_heading"] = d.find_element(By.TAG_NAME, "h1").text
        seen["page_width"] = d.execute_script("return document.documentElement.scrollWidth")
        full_shot(d, shots + "/unit-home.png")

        click_and_wait(d, 'a[href="/unit/report/2026-11"]')
        seen["form_heading"] = d.find_element(By.TAG_NAME, "h1").text
        type_into(d, "reporter", "Nguyễn Thị Lan")
        fill_activity(d, 1, "2026-11-05", "hoi-nghi", "Hội nghị quán triệt kế hoạch tuyên truyền 03 đề án",
                      "42", "museum/1.1/a")
        # a second row, as a user adds one: the button re-shows the form with an empty row more
        submit(d, "add-activity")
        fill_activity(d, 2, "2026-11-20", "sinh-hoat-chuyen-de", "Sinh hoạt chuyên đề về chữ ký số", "30",
                      "digital/2.1/b")
        select(d, "mood", "quan-tam")
        type_into(d, "summary", "Đoàn viên quan tâm tiến độ xây dựng Bảo tàng Đảng.")
        type_into(d, "issue-1-topic", "Tin sai lệch về kinh phí Bảo tàng trên mạng xã hội")
        type_into(d, "issue-1-detail", "Một tài khoản chia sẻ con số sai; đã nhắc đoàn viên không chia sẻ lại.")
        d.find_element(By.NAME, "issue-1-sensitive").click()
        full_shot(d, shots + "/unit-report.png")
        submit(d, "submit")
        seen["sent_url"] = d.current_url
        seen["sent_notice"] = d.find_element(By.CSS_SELECTOR, ".notice").text
        full_shot(d, shots + "/unit-sent.png")

        # a correction: more participants at the first activity
        d.get(link.split("/u/")[0] + "/unit/report/2026-11")
        seen["reopened_has_sensitive_text"] = "kinh phí Bảo tàng" in d.page_source
        type_into(d, "activity-1-participants", "45")
        submit(d, "submit")
        seen["corrected_url"] = d.current_url
        seen["corrected_errors"] = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".error, .notice.error li")]
        d.get(link.split("/u/")[0] + "/unit/report/2026-11")
        seen["history"] = [li.text for li in d.find_elements(By.CSS_SELECTOR, "ul.plain li")]
    finally:
        d.quit()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
