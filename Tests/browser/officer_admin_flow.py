#!/usr/bin/env python3
"""An officer returns a unit's report, the unit corrects it, and an administrator manages users and a unit's link,
in Debian's Chromium (1280×800) driven by Selenium.

    officer_admin_flow.py BASE_URL SHOTS_DIR

Reads LOA_ADMIN ("name:password", an officer with the admin permission), LOA_UNIT (the unit's code), LOA_UNIT_LINK
(its link) and LOA_LEADER_NAME (a leader whose password is reset). The officer opens the completeness page, follows
the unit's row to its November report and returns it with a comment; the unit opens its link, reads the comment on
its home page and on the form, and sends a correction; the officer sees the history. Then the administrator adds a
user, resets the leader's password, replaces the unit's link after the confirmation page and reads the new card;
the old link no longer opens, the new one does, and both users sign in. Prints one JSON object with what it saw;
screenshots go to SHOTS_DIR. Exit 2 when Selenium or Chromium is missing.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from officer_flow import By, browser, click_and_wait, notice, submit
    from selenium.common.exceptions import NoSuchElementException
except SystemExit:
    raise
except ImportError:
    print("SKIPPED: Python's selenium is not installed")
    sys.exit(2)

DESK = (1280, 800)
COMMENT = "Hoạt động thứ hai thiếu số người tham dự; đề nghị đơn vị kiểm tra và gửi lại."
NEW_USER, NEW_PASSWORD = "hoa", "Hoa-doc-bao-cao-2026"
LEADER_PASSWORD = "Lan-mat-khau-moi-2026"


def sign_in(d, base, name, password):
    d.delete_all_cookies()
    d.get(base + "/login")
    d.find_element(By.NAME, "name").send_keys(name)
    d.find_element(By.NAME, "password").send_keys(password)
    submit(d, "main button[type=submit]")
    return d.current_url


def sign_out(d):
    submit(d, "form[action='/logout'] button")
    d.delete_all_cookies()


def shot(d, path):
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(DESK[0], min(max(height, DESK[1]), 2400))
    d.save_screenshot(path)
    d.set_window_size(*DESK)


def form_for_user(d, action, name):
    """The form posting to `action` whose hidden `name` is the user's."""
    for form in d.find_elements(By.CSS_SELECTOR, "form[action='%s']" % action):
        if form.find_elements(By.CSS_SELECTOR, "input[type=hidden][name=name][value='%s']" % name):
            return form
    raise NoSuchElementException(action + " " + name)


def return_report(d, base, unit, shots, seen):
    name, password = os.environ["LOA_ADMIN"].split(":", 1)
    seen["officer_landing"] = sign_in(d, base, name, password)
    d.find_element(By.LINK_TEXT, "Báo cáo CĐCS").click()
    row = "a[href='/units/%s/2026-11']" % unit
    if not d.find_elements(By.CSS_SELECTOR, row):
        d.find_element(By.CSS_SELECTOR, "thead a[href*='month=2026-11']").click()
    d.find_element(By.CSS_SELECTOR, row).click()
    seen["unit_month_heading"] = d.find_element(By.TAG_NAME, "h1").text
    d.find_element(By.ID, "comment").send_keys(COMMENT)
    submit(d, "form[action='/units/%s/2026-11/return'] button" % unit)
    seen["return_notice"] = notice(d)
    seen["returned_badge"] = d.find_element(By.CSS_SELECTOR, "#return .badge").text
    seen["reopen_buttons"] = len(d.find_elements(By.CSS_SELECTOR, "form[action$='/reopen'] button"))
    shot(d, shots + "/officer-returned.png")
    d.find_element(By.LINK_TEXT, "Báo cáo CĐCS").click()
    if not d.find_elements(By.CSS_SELECTOR, row):
        d.find_element(By.CSS_SELECTOR, "thead a[href*='month=2026-11']").click()
    seen["completeness_row"] = d.find_element(By.CSS_SELECTOR, row).find_element(By.XPATH, "..").text
    sign_out(d)


def correct_as_unit(d, link, shots, seen):
    d.delete_all_cookies()
    d.get(link)
    seen["unit_landing"] = d.current_url
    seen["unit_home_notice"] = notice(d, "main [id^=returned-]")
    shot(d, shots + "/unit-returned.png")
    d.find_element(By.LINK_TEXT, "Sửa báo cáo").click()
    seen["unit_form_notice"] = notice(d, "main [id^=returned-]")
    summary = d.find_element(By.ID, "summary")
    summary.send_keys(" Đã bổ sung số người tham dự.")
    submit(d, "button[name=action][value=submit]")
    seen["unit_after_correction"] = d.current_url
    seen["unit_home_notices_after"] = len(d.find_elements(By.CSS_SELECTOR, "main [id^=returned-]"))
    d.delete_all_cookies()


def history(d, base, unit, seen):
    name, password = os.environ["LOA_ADMIN"].split(":", 1)
    sign_in(d, base, name, password)
    d.get(base + "/units/%s/2026-11" % unit)
    seen["history"] = [li.text for li in d.find_elements(By.CSS_SELECTOR, "ul.history li")]
    seen["badges_after_correction"] = len(d.find_elements(By.CSS_SELECTOR, "#return .badge"))


def administer(d, base, unit, shots, seen):
    d.find_element(By.LINK_TEXT, "Quản trị").click()
    seen["admin_heading"] = d.find_element(By.TAG_NAME, "h1").text
    add = d.find_element(By.ID, "add")
    add.find_element(By.ID, "name").send_keys(NEW_USER)
    add.find_element(By.CSS_SELECTOR, "select#role option[value=leader]").click()
    add.find_element(By.CSS_SELECTOR, "label[for=sensitive]").click()
    add.find_element(By.ID, "password").send_keys(NEW_PASSWORD)
    add.find_element(By.ID, "password-again").send_keys(NEW_PASSWORD)
    click_and_wait(d, add.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    seen["add_notice"] = notice(d)
    seen["users_listed"] = [th.text for th in d.find_elements(By.CSS_SELECTOR, "table.users tbody th")]

    leader = os.environ["LOA_LEADER_NAME"]
    form = form_for_user(d, "/admin/users/password", leader)
    for field in form.find_elements(By.CSS_SELECTOR, "input[type=password]"):
        field.send_keys(LEADER_PASSWORD)
    click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    seen["password_notice"] = notice(d)
    shot(d, shots + "/admin-users.png")

    d.find_element(By.LINK_TEXT, "Đường dẫn báo cáo của đơn vị").click()
    d.find_element(By.CSS_SELECTOR, "a[href='/admin/links/%s']" % unit).click()
    seen["rotate_heading"] = d.find_element(By.TAG_NAME, "h1").text
    seen["rotate_warning"] = notice(d)
    seen["links_before_confirming"] = len(d.find_elements(By.CSS_SELECTOR, ".linkcard"))
    submit(d, "form[action='/admin/links/%s'] button[type=submit]" % unit)
    seen["card_heading"] = d.find_element(By.TAG_NAME, "h1").text
    seen["card_unit"] = d.find_element(By.CSS_SELECTOR, ".linkcard h2").text
    seen["card_qr"] = len(d.find_elements(By.CSS_SELECTOR, ".linkcard .qr svg path"))
    seen["new_link"] = d.find_element(By.CSS_SELECTOR, ".linkcard .url").text
    shot(d, shots + "/admin-new-card.png")
    sign_out(d)


def afterwards(d, base, old_link, seen):
    d.get(old_link)
    seen["old_link_heading"] = d.find_element(By.TAG_NAME, "h1").text
    d.delete_all_cookies()
    d.get(seen["new_link"])
    seen["new_link_landing"] = d.current_url
    d.delete_all_cookies()
    seen["new_user_landing"] = sign_in(d, base, NEW_USER, NEW_PASSWORD)
    sign_out(d)
    seen["leader_landing"] = sign_in(d, base, os.environ["LOA_LEADER_NAME"], LEADER_PASSWORD)


def main():
    base, shots = sys.argv[1], sys.argv[2]
    unit, link = os.environ["LOA_UNIT"], os.environ["LOA_UNIT_LINK"]
    seen = {}
    d = browser(DESK)
    try:
        return_report(d, base, unit, shots, seen)
        correct_as_unit(d, link, shots, seen)
        history(d, base, unit, seen)
        administer(d, base, unit, shots, seen)
        afterwards(d, base, link, seen)
    finally:
        d.quit()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
