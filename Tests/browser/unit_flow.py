#!/usr/bin/env python3
"""A grassroots unit reports from a phone: Debian's Chromium at 360x740, driven by Selenium.

    unit_flow.py LINK SHOTS_DIR RECEIPT_LINK

Opens the unit's link; opens the receipt link of an e-mail (the page asks; its button confirms); sends a blank report (refused, each problem linking to its field); presses Enter in a field
(the draft is saved, no row added); adds a row (the page lands on it); writes and sends November's report with two
activities and a sensitive issue; corrects it from the page that shows what was recorded; reports an urgent issue;
double-taps an activity. On every page it measures what a phone user meets: tap targets, the focus ring's contrast,
the headings' order and the text's contrast. Prints one JSON object with what it saw; screenshots go to SHOTS_DIR
(unit-home.png, unit-errors.png, unit-report.png, unit-sent.png, unit-issue.png). Exit 2 when Selenium or Chromium
is missing (the caller decides what that means).
"""
import json
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("SKIPPED: Python's selenium is not installed")
    sys.exit(2)

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

# WCAG's relative luminance and contrast, and what a phone user meets on a page: a page wider than the screen, tap
# targets under 44 px, a focus ring under 3:1 against what surrounds it, headings that skip a level, text under 4.5:1
# against its background
AUDIT = r"""
function rgb(s) { const m = s.match(/rgba?\(([^)]+)\)/); return m ? m[1].split(',').map(parseFloat) : null; }
function lum(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
function background(el) {
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && (c.length < 4 || c[3] > 0)) return c;
  }
  return [255, 255, 255];
}
function shown(el) {
  const r = el.getBoundingClientRect(), st = getComputedStyle(el);
  return r.width > 1 && r.height > 1 && st.visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
}
const problems = [];
if (document.documentElement.scrollWidth > window.innerWidth)
  problems.push('wider than the screen: ' + document.documentElement.scrollWidth + ' px');
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const t = walker.currentNode, el = t.parentElement;
  if (!t.textContent.trim() || !shown(el) || el.closest('.skip')) continue;
  const k = ratio(rgb(getComputedStyle(el).color), background(el));
  if (k < 4.5) problems.push('text ' + k.toFixed(2) + ':1 "' + t.textContent.trim().slice(0, 40) + '"');
}
const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(el => !el.closest('[aria-hidden="true"]') && !el.classList.contains('skip')
          && (el.tagName === 'SUMMARY' || !el.closest('details:not([open])')));
for (const el of targets) {
  const box = (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') || el) : el;
  if (!shown(box)) continue;
  const r = box.getBoundingClientRect();
  if (r.height < 44 || r.width < 44)
    problems.push('target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' ' + el.tagName + ' '
                  + (el.name || el.textContent.trim().slice(0, 30)));
  el.focus();
  const st = getComputedStyle(el);
  const width = parseFloat(st.outlineWidth);
  if (st.outlineStyle === 'none' || width < 2) { problems.push('no focus ring on ' + el.tagName + ' ' + el.name); continue; }
  const k = ratio(rgb(st.outlineColor), background(box.parentElement));
  if (k < 3) problems.push('focus ring ' + k.toFixed(2) + ':1 on ' + el.tagName + ' ' + (el.name || el.textContent.trim().slice(0, 30)));
}
document.activeElement && document.activeElement.blur();
let last = 0;
for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
  const n = +h.tagName[1];
  if ((last === 0 && n !== 1) || n > last + 1) problems.push('heading h' + n + ' after h' + last + ': ' + h.textContent.slice(0, 40));
  last = n;
}
return problems;
"""


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


def audit(d, seen):
    """What a phone user meets on this page that the pages promise not to have, by page."""
    path = d.execute_script("return location.pathname + location.search")
    problems = d.execute_script(AUDIT)
    if problems:
        seen.setdefault("audit", {})[path] = problems
    seen.setdefault("audited", []).append(path)


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
        box.find_element(By.XPATH, "ancestor::label").click()


def select(d, name, value):
    d.find_element(By.CSS_SELECTOR, f'select[name="{name}"] option[value="{value}"]').click()


def fill_activity(d, n, date, kind, title, participants, theme):
    p = f"activity-{n}-"
    set_date(d, p + "date", date)
    select(d, p + "type", kind)
    type_into(d, p + "title", title)
    type_into(d, p + "participants", participants)
    choose(d, p + "themes", theme)


def wait_for_new_page(d, old, action):
    action()
    WebDriverWait(d, 20).until(lambda drv: drv.execute_script("return document.readyState") == "complete"
                               and drv.find_element(By.TAG_NAME, "html").id != old.id)


def click_and_wait(d, selector):
    old = d.find_element(By.TAG_NAME, "html")
    wait_for_new_page(d, old, lambda: d.find_element(By.CSS_SELECTOR, selector).click())


def submit(d, value):
    """Clicks a submit button and waits until the next page has replaced this one."""
    click_and_wait(d, f'button[value="{value}"]:not(.default-action)')


def in_view(d, element_id):
    """Whether the element's top is on the screen (a scroll to it may leave a fraction of a pixel above)."""
    return d.execute_script("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                            "return r.top > -1 && r.top < window.innerHeight;", element_id)


def main():
    link, shots, receipt = sys.argv[1], sys.argv[2], sys.argv[3]
    base = link.split("/u/")[0]
    seen = {}
    d = browser()
    try:
        d.get(link)
        seen["home_url"] = d.current_url
        seen["home_heading"] = d.find_element(By.TAG_NAME, "h1").text
        seen["home_text"] = d.find_element(By.TAG_NAME, "main").text
        seen["page_width"] = d.execute_script("return document.documentElement.scrollWidth")
        full_shot(d, shots + "/unit-home.png")
        audit(d, seen)

        # the receipt link of the e-mail: a page that asks; only its button confirms
        d.get(receipt)
        seen["receipt_page"] = d.find_element(By.TAG_NAME, "main").text
        audit(d, seen)
        click_and_wait(d, "main form button[type=submit]")
        seen["receipt_done"] = d.find_element(By.CSS_SELECTOR, ".notice").text
        d.get(base + "/unit")

        # a blank report is refused: each problem links to its field
        click_and_wait(d, 'a[href="/unit/report/2026-11"]')
        seen["form_heading"] = d.find_element(By.TAG_NAME, "h1").text
        seen["receipts_ticked"] = [box.get_attribute("value")
                                   for box in d.find_elements(By.CSS_SELECTOR, 'input[name="received"]:checked')]
        audit(d, seen)
        submit(d, "submit")
        seen["blank_errors"] = [a.text for a in d.find_elements(By.CSS_SELECTOR, "#errors a")]
        seen["blank_links"] = [a.get_attribute("hash") for a in d.find_elements(By.CSS_SELECTOR, "#errors a")]
        full_shot(d, shots + "/unit-errors.png")
        audit(d, seen)
        d.find_element(By.CSS_SELECTOR, "#errors a[href='#mood']").click()
        seen["summary_link_lands_on_field"] = d.current_url.endswith("#mood") and in_view(d, "mood")

        # Enter in a field saves the draft and adds no row
        rows = len(d.find_elements(By.CSS_SELECTOR, "div.card[id^='activity-']"))
        old = d.find_element(By.TAG_NAME, "html")
        wait_for_new_page(d, old, lambda: (type_into(d, "reporter", "Nguyễn Thị Lan"),
                                           d.find_element(By.NAME, "reporter").send_keys(Keys.ENTER)))
        seen["enter_url"] = d.current_url
        seen["enter_rows"] = [rows, len(d.find_elements(By.CSS_SELECTOR, "div.card[id^='activity-']"))]
        seen["enter_kept"] = d.find_element(By.NAME, "reporter").get_attribute("value")

        fill_activity(d, 1, "2026-11-05", "hoi-nghi", "Hội nghị quán triệt kế hoạch tuyên truyền 03 đề án",
                      "42", "museum/1.1/a")
        # a second row, as a user adds one: the page comes back on the new row, with what was typed
        submit(d, "add-activity")
        seen["added_url"] = d.current_url
        seen["added_row_in_view"] = in_view(d, "activity-2")
        fill_activity(d, 2, "2026-11-20", "sinh-hoat-chuyen-de", "Sinh hoạt chuyên đề về chữ ký số", "30",
                      "digital/2.1/b")
        d.find_element(By.CSS_SELECTOR, 'label[for="received-1"]').click()  # one more the unit received
        select(d, "mood", "quan-tam")
        type_into(d, "summary", "Đoàn viên quan tâm tiến độ xây dựng Bảo tàng Đảng.")
        type_into(d, "issue-1-topic", "Tin sai lệch về kinh phí Bảo tàng trên mạng xã hội")
        type_into(d, "issue-1-detail", "Một tài khoản chia sẻ con số sai; đã nhắc đoàn viên không chia sẻ lại.")
        d.find_element(By.CSS_SELECTOR, 'label[for="issue-1-sensitive"]').click()
        full_shot(d, shots + "/unit-report.png")
        submit(d, "submit")
        seen["sent_url"] = d.current_url
        seen["sent_notice"] = d.find_element(By.CSS_SELECTOR, ".notice").text
        seen["sent_text"] = d.find_element(By.TAG_NAME, "main").text
        full_shot(d, shots + "/unit-sent.png")
        audit(d, seen)

        # a correction, from the page that shows what was recorded: more participants at the first activity
        click_and_wait(d, "a.button[href='/unit/report/2026-11']")
        seen["reopened_has_sensitive_topic"] = "Tin sai lệch về kinh phí" in d.page_source
        seen["reopened_has_sensitive_detail"] = "Một tài khoản chia sẻ" in d.page_source
        type_into(d, "activity-1-participants", "45")
        submit(d, "submit")
        seen["corrected_url"] = d.current_url
        d.get(base + "/unit/report/2026-11")
        seen["history"] = [li.text for li in d.find_elements(By.CSS_SELECTOR, "main > ul.plain li")]

        # an urgent issue, at once
        d.get(base + "/unit/issue")
        audit(d, seen)
        type_into(d, "topic", "Đoàn viên lo lắng về tin đồn sáp nhập đơn vị")
        type_into(d, "detail", "Nhiều đoàn viên hỏi về việc sáp nhập; cần thông tin chính thức.")
        click_and_wait(d, "main form button[type=submit]")
        seen["urgent_url"] = d.current_url
        seen["urgent_text"] = d.find_element(By.TAG_NAME, "main").text
        full_shot(d, shots + "/unit-issue.png")

        # a double tap on an activity: two requests go, one activity is recorded
        d.get(base + "/unit/activity")
        audit(d, seen)
        set_date(d, "activity-1-date", "2026-12-02")
        select(d, "activity-1-type", "hoi-nghi")
        type_into(d, "activity-1-title", "Hội nghị chạm hai lần")
        type_into(d, "activity-1-participants", "40")
        old = d.find_element(By.TAG_NAME, "html")
        button = d.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        wait_for_new_page(d, old, lambda: ActionChains(d).double_click(button).perform())
        seen["double_tap_url"] = d.current_url

        d.get(base + "/unit/upload")
        audit(d, seen)
    finally:
        d.quit()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
