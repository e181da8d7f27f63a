#!/usr/bin/env python3
"""Writing an item and four eyes, in Debian's Chromium driven by Selenium.

    officer_items_flow.py BASE_URL SHOTS_DIR PICTURE

Reads two officers' names and passwords from LOA_WRITER and LOA_APPROVER ("name:password"). The writer opens
"Viết bài mới", types a title, ticks a theme by its title, an audience and a channel, writes a summary and a
Markdown body, chooses the picture PICTURE, previews ("Xem trước"), saves ("Lưu bài"), and tries to approve what
they wrote (refused); the approver signs in and approves it. Prints one JSON object with what it saw; screenshots go
to SHOTS_DIR (item-editor.png: the editor with its preview at 1280×800). Exit 2 when Selenium or Chromium is missing.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from officer_flow import By, browser, click_and_wait, notice, sign_in, sign_out, submit
    from selenium.common.exceptions import WebDriverException
except SystemExit:
    raise
except ImportError:
    print("SKIPPED: Python's selenium is not installed")
    sys.exit(2)

DESK = (1280, 800)
TITLE = "Thanh niên công đoàn tìm hiểu Bảo tàng Đảng"
BODY = ("Chiều 5/12, **đoàn viên trẻ** các CĐCS khối trường học đã cùng tìm hiểu về Đề án xây dựng "
        "Bảo tàng Đảng Cộng sản Việt Nam.\n\n## Những điều đọng lại\n\n- ý nghĩa của Bảo tàng với thế hệ trẻ\n"
        "- cách mỗi đoàn viên góp tư liệu, hiện vật\n")


def writer(d, base, shots, picture, seen):
    sign_in(d, base, os.environ["LOA_WRITER"])
    d.find_element(By.LINK_TEXT, "Bài").click()
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Viết bài mới"))
    seen["editor_heading"] = d.find_element(By.TAG_NAME, "h1").text
    d.find_element(By.ID, "title").send_keys(TITLE)
    # themes are ticked by their titles, under their project
    d.find_element(By.XPATH, "//details/summary[contains(., 'Bảo tàng Đảng')]").click()
    theme = d.find_element(By.XPATH, "//label[span[starts-with(., 'Tham quan, học tập lịch sử truyền thống')]]")
    seen["theme_label"] = theme.text
    theme.click()
    d.find_element(By.XPATH, "//label[span[.='Thế hệ trẻ, học sinh, sinh viên']]").click()
    d.find_element(By.XPATH, "//label[span[.='Bản tin Công đoàn Viên chức tỉnh']]").click()
    d.find_element(By.ID, "summary").send_keys("Đoàn viên trẻ tìm hiểu Đề án xây dựng Bảo tàng Đảng.")
    d.find_element(By.ID, "body").send_keys(BODY)
    d.find_element(By.ID, "image").send_keys(picture)
    d.find_element(By.ID, "image-alt").send_keys("Đoàn viên trẻ tại buổi sinh hoạt")
    submit(d, "button[value=preview]")
    seen["preview_status_notice"] = notice(d)
    seen["preview_strong"] = [e.text for e in d.find_elements(By.CSS_SELECTOR, "article.preview strong")]
    seen["preview_heading"] = [e.text for e in d.find_elements(By.CSS_SELECTOR, "article.preview h2")]
    images = d.find_elements(By.CSS_SELECTOR, "article.preview img")
    seen["preview_images"] = [i.get_attribute("src") for i in images]
    seen["preview_image_loaded"] = bool(images) and d.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", images[0])
    seen["body_after_preview"] = d.find_element(By.ID, "body").get_attribute("value")
    seen["theme_still_ticked"] = d.find_element(
        By.XPATH, "//label[span[starts-with(., 'Tham quan, học tập lịch sử truyền thống')]]/input").is_selected()
    # the screenshot for the README, 1280×800 inside the window: the body being written, the preview beside it
    chrome = d.execute_script("return window.outerHeight - window.innerHeight")
    d.set_window_size(DESK[0], DESK[1] + chrome)
    d.execute_script("document.querySelector('label[for=summary]').scrollIntoView(true); window.scrollBy(0, -12)")
    d.save_screenshot(shots + "/item-editor.png")
    seen["shot_viewport"] = d.execute_script("return [window.innerWidth, window.innerHeight]")
    d.set_window_size(*DESK)
    submit(d, "button[value=save]")
    seen["saved_url"] = d.current_url
    seen["saved_notice"] = notice(d)
    # the writer may not approve it
    submit(d, "form[action$='/approve'] button")
    seen["writer_refusal"] = notice(d, "main .notice.error")
    seen["status_after_refusal"] = d.find_element(By.CSS_SELECTOR, "dl.facts .badge").text
    sign_out(d)


def approver(d, base, seen):
    sign_in(d, base, os.environ["LOA_APPROVER"])
    d.find_element(By.LINK_TEXT, "Bài").click()
    d.find_element(By.ID, "q").send_keys("thanh nien cong doan bao tang")
    submit(d, "form.filters button[type=submit]")
    found = d.find_elements(By.CSS_SELECTOR, "table.list tbody a")
    seen["search_found"] = [a.text for a in found]
    click_and_wait(d, found[0])
    submit(d, "form[action$='/approve'] button")
    seen["approve_notice"] = notice(d)
    seen["approved_badge"] = d.find_element(By.CSS_SELECTOR, "dl.facts .badge").text
    sign_out(d)


def main():
    base, shots, picture = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        d = browser(DESK)
    except WebDriverException as e:
        print("SKIPPED: Chromium could not start: %s" % str(e).splitlines()[0])
        sys.exit(2)
    seen = {}
    try:
        writer(d, base, shots, picture, seen)
        approver(d, base, seen)
    finally:
        d.quit()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
