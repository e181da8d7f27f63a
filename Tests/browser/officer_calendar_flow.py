#!/usr/bin/env python3
"""An officer's clicks on the month grid and on publishing, in Debian's Chromium driven by Selenium, at 1280×800.

    officer_calendar_flow.py BASE_URL SHOTS_DIR

Reads the officer's name and password from LOA_OFFICER ("name:password"). The officer proposes December, then
one entry at a time confirms, unconfirms, moves and removes, pins an item to a day the list offers, confirms an
entry of the newsletter, publishes its issue through the page that asks first, and takes it back. Prints one JSON
object with what it saw; screenshots go to SHOTS_DIR (officer-calendar.png, the grid at 1280 px, and
officer-publish-ask.png). Exit 2 when Selenium or Chromium is missing.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from officer_flow import By, WebDriverWait, browser, count, full_shot, gone, notice, sign_in, submit
    from selenium.common.exceptions import WebDriverException
except SystemExit:
    raise
except ImportError:
    print("SKIPPED: Python's selenium is not installed")
    sys.exit(2)

DESK = (1280, 800)


def entry(d, css):
    """The first entry the selector finds, with the item, channel and date its forms carry."""
    li = d.find_element(By.CSS_SELECTOR, css)
    value = lambda name: li.find_element(By.CSS_SELECTOR, "input[name=%s]" % name).get_attribute("value")
    return li, {"item": value("item"), "channel": value("channel"), "date": value("date")}


def act(d, li, form_css):
    """Opens the entry's actions and presses the button of one of its forms."""
    li.find_element(By.TAG_NAME, "summary").click()
    button = li.find_element(By.CSS_SELECTOR, form_css + " button")
    button.click()
    WebDriverWait(d, 20).until(gone(button))
    return notice(d)


def state(d, e):
    """The state an entry shows now, as the classes of its line say."""
    for li in d.find_elements(By.CSS_SELECTOR, "div.slot[data-channel='%s'] li[data-item='%s']"
                              % (e["channel"], e["item"])):
        if li.find_element(By.CSS_SELECTOR, "input[name=date]").get_attribute("value") == e["date"]:
            return li.get_attribute("class")
    return None


def officer(d, base, shots, seen):
    sign_in(d, base, os.environ["LOA_OFFICER"])
    d.set_window_size(*DESK)
    d.find_element(By.LINK_TEXT, "Lịch").click()
    seen["calendar_heading"] = d.find_element(By.TAG_NAME, "h1").text
    submit(d, "form[action$='/propose'] button")
    seen["weekdays"] = [th.text for th in d.find_elements(By.CSS_SELECTOR, "table.month thead th")]
    seen["proposed_before"] = count(d, "li.entry.proposed")

    # one entry of the newsletter: confirm, then unconfirm
    li, news = entry(d, "div.slot[data-channel='ban-tin'] li.entry.proposed")
    seen["news_entry"] = news
    seen["confirm_notice"] = act(d, li, "form[action$='/entries/confirm']")
    seen["news_after_confirm"] = state(d, news)
    seen["confirmed_count"] = count(d, "li.entry.confirmed")
    li, _ = entry(d, "div.slot[data-channel='ban-tin'] li.entry.confirmed")
    seen["unconfirm_notice"] = act(d, li, "form[action$='/entries/unconfirm']")
    seen["news_after_unconfirm"] = state(d, news)

    # move an entry that has somewhere to go, to the first day offered
    li, moved = entry(d, "li.entry:has(form.move)")
    li.find_element(By.TAG_NAME, "summary").click()
    option = li.find_element(By.CSS_SELECTOR, "form.move select option")
    moved["to"] = option.get_attribute("value")
    option.click()
    button = li.find_element(By.CSS_SELECTOR, "form.move button")
    button.click()
    WebDriverWait(d, 20).until(gone(button))
    seen["move_notice"] = notice(d)
    seen["moved"] = moved
    seen["moved_now"] = state(d, dict(moved, date=moved["to"]))

    # remove an entry of the notice boards
    li, removed = entry(d, "div.slot[data-channel='bang-tin'] li.entry")
    seen["remove_notice"] = act(d, li, "form[action$='/entries/remove']")
    seen["removed"] = removed
    seen["removed_now"] = state(d, removed)

    # pin an item to a day the list offers
    option = d.find_element(By.CSS_SELECTOR, "#pin-choice option")
    seen["pinned"] = option.get_attribute("value")
    seen["pin_group"] = option.find_element(By.XPATH, "..").get_attribute("label")
    option.click()
    submit(d, "form[action$='/pin'] button[type=submit]")
    seen["pin_notice"] = notice(d)

    # the grid at 1280 × 800: no sideways scrolling, seven readable columns
    seen["desk_page_width"] = d.execute_script("return document.documentElement.scrollWidth")
    seen["desk_column_width"] = d.execute_script(
        "return document.querySelector('table.month thead th').getBoundingClientRect().width")
    d.set_window_size(360, 740)
    seen["phone_page_width"] = d.execute_script("return document.documentElement.scrollWidth")
    seen["phone_head_display"] = d.execute_script(
        "return getComputedStyle(document.querySelector('table.month thead')).display")
    d.set_window_size(*DESK)

    # confirm the newsletter's entry again, then publish its issue through the question
    li, _ = entry(d, "div.slot[data-channel='ban-tin'] li.entry.proposed")
    act(d, li, "form[action$='/entries/confirm']")
    full_shot(d, shots + "/officer-calendar.png", DESK)
    d.find_element(By.CSS_SELECTOR, "div.slot[data-channel='ban-tin'] a[href^='/issues/']").click()
    d.find_element(By.CSS_SELECTOR, "main a[href$='/publish']").click()
    seen["ask_heading"] = d.find_element(By.TAG_NAME, "h1").text
    seen["ask_what"] = [x.text for x in d.find_elements(By.CSS_SELECTOR, "ul.what li")]
    seen["ask_units"] = count(d, "ul.units li")
    seen["ask_cancel"] = d.find_element(By.LINK_TEXT, "Thôi, quay lại").get_attribute("href")
    full_shot(d, shots + "/officer-publish-ask.png", DESK)
    submit(d, "form[action$='/publish'] button[type=submit]")
    seen["publish_notice"] = notice(d)
    seen["issue_url"] = d.current_url.split("?")[0]
    seen["delivery_states"] = sorted({b.text for b in d.find_elements(By.CSS_SELECTOR, "table.deliveries .badge")})

    # take it back: nothing has left the machine yet
    d.find_element(By.CSS_SELECTOR, "main a[href$='/unpublish']").click()
    seen["unpublish_heading"] = d.find_element(By.TAG_NAME, "h1").text
    submit(d, "form[action$='/unpublish'] button[type=submit]")
    seen["unpublish_notice"] = notice(d)
    seen["publish_link_again"] = count(d, "main a[href$='/publish']")


def main():
    base, shots = sys.argv[1], sys.argv[2]
    try:
        d = browser(DESK)
    except WebDriverException as e:
        print("SKIPPED: Chromium could not start: %s" % e.msg)
        sys.exit(2)
    seen = {}
    try:
        officer(d, base, shots, seen)
    finally:
        d.quit()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
