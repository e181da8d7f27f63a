#!/usr/bin/env python3
"""An officer's month and a leader's reading, in Debian's Chromium driven by Selenium.

    officer_flow.py BASE_URL SHOTS_DIR

Reads the officer's and the leader's names and passwords from LOA_OFFICER and LOA_LEADER ("name:password").
The officer signs in, approves an item in review, proposes and confirms December, publishes the 15 December
newsletter and resolves the first open alert; the leader signs in, opens a phase report and tries every change,
each answered 403. Prints one JSON object with what it saw; screenshots go to SHOTS_DIR (officer-dashboard.png,
officer-calendar.png at 1280 px, officer-calendar-phone.png at 360 px, leader-phase-report.png). Exit 2 when
Selenium or Chromium is missing (the caller decides what that means).
"""
import json
import os
import shutil
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import WebDriverException
except ImportError:
    print("SKIPPED: Python's selenium is not installed")
    sys.exit(2)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DESK, PHONE = (1280, 900), (360, 740)

# every changing route of the officers' pages, as a leader would have to forge it (the page offers no button)
CHANGES = [
    ("/calendar/2026-12/propose", {}),
    ("/calendar/2026-12/confirm", {}),
    ("/calendar/2026-12/pin", {"item": "ho-tay-tien-do", "date": "2026-12-15"}),
    ("/calendar/2026-12/unpin", {"item": "ho-tay-tien-do"}),
    ("/items/new", {"title": "Bài của lãnh đạo", "themes": "museum/1.1/a", "channels": "ban-tin"}),
    ("/items/cds-ky-nang-so/approve", {}),
    ("/items/cds-ky-nang-so/send-back", {"reason": "Thử"}),
    ("/items/cds-ky-nang-so/pin", {"date": "2026-12-15"}),
    ("/items/cds-ky-nang-so/unpin", {}),
    ("/issues/website/2026-12-08/publish", {}),
    ("/alerts/1/resolve", {"note": "Thử"}),
]

FORGE = """
const [action, fields] = arguments;
const form = document.createElement('form');
form.method = 'post';
form.action = action;
const token = document.querySelector('input[name=csrf]');
const all = Object.assign({csrf: token ? token.value : ''}, fields);
for (const [name, value] of Object.entries(all)) {
  const input = document.createElement('input');
  input.type = 'hidden'; input.name = name; input.value = value;
  form.appendChild(input);
}
document.body.appendChild(form);
form.submit();
"""


def browser(size=DESK):
    """Debian's Chromium, headless, in Vietnamese, with a window of the given size (the other officer flows import
    this and the helpers below)."""
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--force-device-scale-factor=1", "--lang=vi",
              "--window-size=%d,%d" % size]:
        o.add_argument(a)
    o.binary_location = CHROMIUM
    d = webdriver.Chrome(service=Service(DRIVER), options=o)
    d.set_window_size(*size)
    return d


def full_shot(d, path, size=DESK):
    """A screenshot of the whole page at the given width; returns how wide the page is there."""
    d.set_window_size(size[0], size[1])
    width = d.execute_script("return document.documentElement.scrollWidth")
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(size[0], min(max(height, size[1]), 2400))
    d.save_screenshot(path)
    d.set_window_size(*DESK)
    return width


def sign_in(d, base, who):
    name, password = who.split(":", 1)
    d.get(base + "/login")
    d.find_element(By.NAME, "name").send_keys(name)
    d.find_element(By.NAME, "password").send_keys(password)
    submit(d, "main button[type=submit]")
    return d.current_url


def sign_out(d):
    submit(d, "form[action='/logout'] button")


def gone(element):
    """A wait condition: the element left the page. Chromium sometimes answers a question about a node of a page
    being replaced with an inspector error instead of "stale"; both mean the old page is gone."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def click_and_wait(d, element):
    """Clicks a button and waits for the page the server answers with (the old one goes stale)."""
    element.click()
    WebDriverWait(d, 20).until(gone(element))


def submit(d, css):
    """Clicks the form's button the selector finds and waits for the server's answer."""
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, css))


def notice(d, css="main .notice"):
    """The notice the page shows after a change (waited for: the redirect may still be under way)."""
    try:
        return WebDriverWait(d, 10).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))).text
    except Exception:
        return ""


def count(d, css):
    return len(d.find_elements(By.CSS_SELECTOR, css))


def officer(d, base, shots, seen):
    seen["officer_landing"] = sign_in(d, base, os.environ["LOA_OFFICER"])
    seen["dashboard_heading"] = d.find_element(By.TAG_NAME, "h1").text
    full_shot(d, shots + "/officer-dashboard.png")

    # the items in review, then the one to approve
    d.find_element(By.LINK_TEXT, "Bài").click()
    d.find_element(By.CSS_SELECTOR, "select[name=status] option[value=review]").click()
    submit(d, "form.filters button[type=submit]")
    seen["items_in_review"] = [a.text for a in d.find_elements(By.CSS_SELECTOR, "table.list tbody a")]
    d.find_element(By.CSS_SELECTOR, "a[href='/items/ho-tay-tien-do']").click()
    submit(d, "form[action='/items/ho-tay-tien-do/approve'] button")
    seen["approve_notice"] = notice(d)
    seen["approved_badge"] = d.find_element(By.CSS_SELECTOR, "dl.facts .badge").text

    # the month: propose, then confirm
    d.find_element(By.LINK_TEXT, "Lịch").click()
    seen["calendar_heading"] = d.find_element(By.TAG_NAME, "h1").text
    submit(d, "form[action$='/propose'] button")
    seen["propose_notice"] = notice(d)
    seen["proposed_entries"] = count(d, "li.entry.proposed")
    submit(d, "form[action$='/confirm'] button")
    seen["confirm_notice"] = notice(d)
    seen["confirmed_entries"] = count(d, "li.entry.confirmed")
    seen["proposed_after_confirm"] = count(d, "li.entry.proposed")
    full_shot(d, shots + "/officer-calendar.png")
    seen["phone_page_width"] = full_shot(d, shots + "/officer-calendar-phone.png", PHONE)

    # publish the newsletter of 15 December, read it
    d.find_element(By.CSS_SELECTOR, "a[href='/issues/ban-tin/2026-12-15']").click()
    d.find_element(By.CSS_SELECTOR, "a[href$='/publish']").click()  # the page that asks first
    submit(d, "form[action$='/publish'] button")
    seen["publish_notice"] = notice(d)
    seen["published_articles"] = count(d, "article.issue")
    seen["issue_url"] = d.current_url

    # resolve the oldest open alert
    d.find_element(By.LINK_TEXT, "Cảnh báo").click()
    form = d.find_element(By.CSS_SELECTOR, "form[action$='/resolve']")
    form.find_element(By.TAG_NAME, "textarea").send_keys("Đã gặp CĐCS, thông tin đã được cải chính.")
    button = form.find_element(By.TAG_NAME, "button")
    button.click()
    WebDriverWait(d, 20).until(gone(button))
    seen["resolve_notice"] = notice(d)
    seen["open_after_resolve"] = count(d, "form[action$='/resolve']")
    sign_out(d)


def leader(d, base, shots, seen):
    seen["leader_landing"] = sign_in(d, base, os.environ["LOA_LEADER"])
    d.find_element(By.LINK_TEXT, "Báo cáo tổng hợp").click()
    d.find_element(By.CSS_SELECTOR, "a[href='/reports/phase/digital/2.1']").click()
    d.get(d.current_url + "?from=2026-10-01")
    seen["report_heading"] = d.find_element(By.TAG_NAME, "h1").text
    seen["report_charts"] = count(d, ".document svg")
    seen["report_downloads"] = [a.get_attribute("href").split("?")[-1]
                                for a in d.find_elements(By.CSS_SELECTOR, "a[download]")]
    full_shot(d, shots + "/leader-phase-report.png")
    d.get(base + "/calendar/2026-12")
    seen["leader_calendar_buttons"] = count(d, "main form[method=post]")
    answers = {}
    for action, fields in CHANGES:
        d.get(base + "/dashboard")
        heading = d.find_element(By.TAG_NAME, "h1")
        d.execute_script(FORGE, action, fields)
        WebDriverWait(d, 20).until(gone(heading))
        answers[action] = d.find_element(By.TAG_NAME, "h1").text
    seen["leader_changes"] = answers
    sign_out(d)


def main():
    base, shots = sys.argv[1], sys.argv[2]
    seen = {}
    d = browser()
    try:
        officer(d, base, shots, seen)
        leader(d, base, shots, seen)
    finally:
        d.quit()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
