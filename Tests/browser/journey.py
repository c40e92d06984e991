#!/usr/bin/env python3
"""The SME's whole journey in a real browser (Debian's chromium through its own chromedriver), against a real arrearsd:
the public pages, register, get verified (an intake officer checks the business licence with arrearsctl), file with two
contracts (fixing a refused amount on the way) and a PDF kept with the draft through a refused upload, check the
answers, submit; an intake officer asks for a supplement with arrearsctl, the SME answers it in the browser; accepted,
forwarded and resolved with arrearsctl; the SME rates it in the browser. axe-core (WCAG 2.2 AA) runs on every page and
must find nothing. Run with JavaScript on, with it off, and by keyboard alone (every control reached with Tab, with a
visible focus, and worked with Enter, Space and the arrow keys). Traffic only to 127.0.0.1; bounded in time.

Usage: journey.py --arrearsd PATH --arrearsctl PATH [--javascript on|off] [--input mouse|keyboard]
                  [--screenshots DIR --width 1280|390]
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

parser = argparse.ArgumentParser()
parser.add_argument("--arrearsd", required=True)
parser.add_argument("--arrearsctl", required=True)
parser.add_argument("--javascript", default="on", choices=["on", "off"])
parser.add_argument("--input", default="mouse", choices=["mouse", "keyboard"])
parser.add_argument("--screenshots", help="a folder: the main pages are saved there as PNG")
parser.add_argument("--width", type=int, default=1280, help="the window's width in CSS pixels (390: a phone)")
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="arrears-browser-")
database = os.path.join(work, "arrears.sqlite")
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
base = f"http://127.0.0.1:{port}"


def account(*extra):
    return subprocess.run([args.arrearsd, "account", "create", "--database", database, *extra], check=True, capture_output=True,
                          text=True).stdout.strip()


intake = account("--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000")
handler = account("--role", "handler", "--name", "浙江省教育厅", "--department", "ZJ-EDU")
server = subprocess.Popen([args.arrearsd, "serve", "--database", database, "--port", str(port), "--log-level", "error"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.time() + 30
while time.time() < deadline:
    try:
        urllib.request.urlopen(base + "/readyz", timeout=1)
        break
    except Exception:
        time.sleep(0.1)


def ctl(token, *command):
    result = subprocess.run([args.arrearsctl, *command, "--server", base], capture_output=True, text=True,
                            env={**os.environ, "ARREARS_TOKEN": token, "ARREARS_CONFIG": os.path.join(work, "ctl.json")})
    assert result.returncode == 0, f"arrearsctl {' '.join(command)}: {result.stdout}{result.stderr}"
    return result.stdout


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN", f"--window-size={args.width},900"):
    options.add_argument(flag)
if args.width < 600:
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": args.width, "height": 844, "pixelRatio": 1}})
preferences = {"intl.accept_languages": "zh-CN,zh"}
if args.javascript == "off":
    preferences["profile.managed_default_content_settings.javascript"] = 2
options.add_experimental_option("prefs", preferences)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
checked, violations, started = [], [], time.time()


def audit(name):
    """axe on the page as it stands (with JavaScript off the page is audited by a second, scripted browser)."""
    url = driver.current_url
    if args.javascript == "on":
        target = driver
    else:
        target = auditor
        cookies = driver.get_cookies()
        auditor.get(base + "/healthz")
        auditor.delete_all_cookies()
        for cookie in cookies:
            auditor.add_cookie({k: cookie[k] for k in ("name", "value", "path") if k in cookie})
        auditor.get(url)
    axe = Axe(target)
    axe.inject()
    result = axe.run(options='{runOnly:{type:"tag",values:["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"]}}')
    checked.append(name)
    for violation in result["violations"]:
        violations.append(f"{name} ({url}): {violation['id']} — {violation['help']} — "
                          + "; ".join(node["html"][:120] for node in violation["nodes"][:3]))
    if args.screenshots and args.javascript == "on" and name in ("home", "statistics", "file-contract-error", "file-files-error", "file-check", "filed", "complaint"):
        suffix = "" if args.width >= 600 else f"-{args.width}"
        driver.save_screenshot(os.path.join(args.screenshots, f"portal-{name}{suffix}.png"))


auditor = None
if args.javascript == "off":
    audit_options = webdriver.ChromeOptions()
    audit_options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,900"):
        audit_options.add_argument(flag)
    audit_options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    auditor = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=audit_options)


keyboard = args.input == "keyboard"


def keys(*sequence):
    ActionChains(driver).send_keys(*sequence).perform()


def retype(value):
    """Selects what the focused field holds and types over it."""
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.BACKSPACE, value).perform()


def tab_to(match, what):
    """Presses Tab until the focused element is the one wanted, as a keyboard user must; it has to be reachable and
    its focus visible (an outline)."""
    for _ in range(400):
        active = driver.switch_to.active_element
        if active.tag_name not in ("body", "html") and match(active):
            outline = driver.execute_script("const s = getComputedStyle(arguments[0]); return s.outlineStyle;", active)
            assert outline != "none", f"no visible focus on {what} at {driver.current_url}"
            return active
        keys(Keys.TAB)
    raise AssertionError(f"{what} cannot be reached with Tab on {driver.current_url}")


def fill(fields):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        radio = element.get_attribute("type") == "radio"
        if not keyboard:
            if radio:
                driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()
            else:
                element.clear()
                element.send_keys(value)
            continue
        tab_to(lambda active: active.get_attribute("name") == name, name)
        if radio:
            # Arrow keys move within a group and choose; Space chooses the first when none was.
            for _ in range(40):
                active = driver.switch_to.active_element
                if active.get_attribute("value") == value:
                    if not active.is_selected():
                        keys(Keys.SPACE)
                    break
                keys(Keys.ARROW_DOWN)
            assert driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').is_selected(), name
        else:
            retype(value)


def press(button):
    """Clicks (or, by keyboard, presses Enter on) and waits for the next page: the old one goes stale once left."""
    page = driver.find_element(By.TAG_NAME, "html")
    if keyboard:
        target = button
        tab_to(lambda active: active == target, target.text or target.get_attribute("outerHTML")[:80])
        keys(Keys.ENTER)
    else:
        button.click()

    def left(_):
        # Chromium may answer for the old page's node with "does not belong to the document" rather than "stale".
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 15).until(left)


def submit(text=None):
    buttons = driver.find_elements(By.CSS_SELECTOR, "main form button[type=submit]")
    press(next(b for b in buttons if text is None or text in b.text))


def choose(name, value, typed):
    """An option of a list box: by keyboard, focus it and type the start of the option's words."""
    if keyboard:
        tab_to(lambda active: active.get_attribute("name") == name, name)
        keys(typed)
    else:
        driver.find_element(By.CSS_SELECTOR, f'select[name="{name}"] option[value="{value}"]').click()
    assert driver.find_element(By.CSS_SELECTOR, f'select[name="{name}"] option[value="{value}"]').is_selected(), name


def follow(text):
    """A link by its words, as a reader finds it."""
    press(next(a for a in driver.find_elements(By.TAG_NAME, "a") if text in a.text and a.is_displayed()))


def acceptance_pdf():
    """A small well-formed PDF: header, four objects, a cross-reference table and the trailer the server checks."""
    content = "BT /F1 12 Tf 72 770 Td (Acceptance record 2025-09-30) Tj ET\n"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"]
    text, offsets = "%PDF-1.4\n", []
    for index, body in enumerate(objects):
        offsets.append(len(text.encode()))
        text += f"{index + 1} 0 obj\n{body}\nendobj\n"
    xref = len(text.encode())
    text += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    text += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return text.encode()


def text():
    return driver.find_element(By.TAG_NAME, "body").text


try:
    driver.get(base + "/")
    assert "中小企业被拖欠款项" in text(), text()[:400]
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    audit("home")
    follow("期限和利息计算")
    fill({"from": "2026-09-24", "length": "10"})
    submit()
    assert "2026年10月15日" in text(), text()[:600]
    audit("calculator")
    follow("规模自测")
    choose("industry", "software", "软")
    fill({"employees": "120", "revenue": "999.99"})
    submit()
    assert "属于中小企业：小型企业" in text(), text()[:600]
    audit("size-test")
    ctl(intake, "stats", "publish", "--month", "2026-10")
    follow("统计发布")
    assert "尚无已发布的月份" in text(), text()[:400]
    audit("statistics-none")
    choose("scope", "330000", "浙")
    submit("查看")
    assert "2026年10月统计（浙江省）" in text(), text()[:600]
    audit("statistics")

    follow("注册")
    audit("register")
    fill({"name": "杭州示例建设有限公司", "creditCode": "91330100716105852F", "contact.person": "王芳",
          "contact.phone": "0571-87000000", "contact.email": "wang.fang@example.cn", "password": "correct horse battery staple"})
    submit()
    assert "未核验" in text(), text()[:400]
    audit("account")
    sme = re.search(r"账户编号\s*(\S+)", text()).group(1)
    ctl(intake, "account", "verify", sme, "--evidence", "营业执照原件，法定代表人到场")
    follow("我的账户")
    assert "核验" in text() and "未核验" not in text(), text()[:400]
    audit("account-verified")

    follow("我要投诉")
    audit("file-start")
    submit()
    audit("file-tasks")
    draft = driver.current_url
    follow("投诉人（您的企业）")
    fill({"complainant.region": "330100", "complainant.industry": "construction", "complainant.declaredSize": "small",
          "complainant.contact.person": "王芳", "complainant.contact.phone": "0571-87000000"})
    audit("file-complainant")
    submit()
    follow("被投诉人（欠款方）")
    fill({"respondent.name": "浙江省示例职业技术学院", "respondent.kind": "public_institution", "respondent.level": "provincial",
          "respondent.region": "330000", "respondent.supervisingAuthority": "浙江省教育厅"})
    submit()
    follow("第1份合同")
    fill({"contracts[0].number": "ZJ-2025-0318", "contracts[0].subject": "works", "contracts[0].signedOn": "2025-03-18",
          "contracts[0].amount": "1280000", "contracts[0].deliveredOn": "2025-09-30", "contracts[0].paymentTermDays": "30",
          "contracts[0].amountOverdue": "456000.555"})
    submit()
    assert "最多两位小数" in text(), text()[:600]
    assert driver.title.startswith("错误："), driver.title
    audit("file-contract-error")
    if keyboard:
        # The summary's link takes the keyboard to the field.
        tab_to(lambda active: active.tag_name == "a" and "最多两位小数" in active.text, "the error summary's link")
        keys(Keys.ENTER)
        WebDriverWait(driver, 5).until(lambda _: driver.switch_to.active_element.get_attribute("name") == "contracts[0].amountOverdue")
        retype("456000")
    else:
        fill({"contracts[0].amountOverdue": "456000"})
    submit()
    press(driver.find_element(By.XPATH, "//button[contains(., '再添加一份合同')]"))
    fill({"contracts[1].number": "ZJ-2025-0402", "contracts[1].subject": "services", "contracts[1].signedOn": "2025-04-02",
          "contracts[1].amount": "200000", "contracts[1].deliveredOn": "2025-10-15", "contracts[1].amountOverdue": "50000"})
    submit()
    follow("事实和诉求")
    fill({"facts": "校园道路改造工程已于2025年9月30日验收合格，尾款至今未付。", "demand": "支付尾款及逾期利息。", "otherBodyInvolved": "no"})
    submit()

    # Evidence with the draft: the PDF is kept through a refused upload (the file chooser is the system's; its path is
    # given to the field as that dialog would).
    follow("证据材料（可选）")
    pdf, notes = os.path.join(work, "验收报告.pdf"), os.path.join(work, "会议记录.txt")
    with open(pdf, "wb") as out:
        out.write(acceptance_pdf())
    with open(notes, "w") as out:
        out.write("2025年10月20日催款会议记录")
    driver.find_element(By.ID, "file").send_keys(pdf)
    submit("上传")
    driver.find_element(By.ID, "file").send_keys(notes)
    submit("上传")
    assert driver.title.startswith("错误：") and "验收报告.pdf" in text(), text()[:600]
    audit("file-files-error")
    follow("完成，返回填写投诉")
    assert "已上传1个文件" in text(), text()[:600]
    follow("检查并提交")
    assert "¥456,000.00" in text() and "¥50,000.00" in text() and "验收报告.pdf" in text(), text()[:800]
    audit("file-check")
    submit()
    assert "投诉已登记" in text(), text()[:400]
    number = re.search(r"ARR-\d{4}-\d{6}", text()).group(0)
    audit("filed")
    follow("打印回执")
    assert "投诉登记回执" in text() and number in text(), text()[:400]
    audit("receipt")

    follow("我的投诉")
    follow(number)
    assert "验收报告.pdf" in text(), text()[:600]
    audit("complaint")

    ctl(intake, "request-supplement", number, "--items", "请补充验收单")
    driver.refresh()
    fill({"material": "验收单已作为证据上传"})
    submit("提交补正")
    assert "补正已提交" in text(), text()[:400]
    ctl(intake, "accept", number)
    ctl(intake, "forward", number, "--to", "ZJ-EDU")
    ctl(handler, "resolve", number, "--outcome", "partly_paid", "--paid", "100000", "--summary", "学院已支付10万元")
    driver.refresh()
    audit("complaint-resolved")
    fill({"rating": "basically_satisfied"})
    submit("提交评价")
    assert "评价已提交" in text() and "已结案" in text(), text()[:400]
    follow("我的投诉")
    assert number in text()
    audit("my-complaints")
finally:
    driver.quit()
    if auditor:
        auditor.quit()
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)

print(f"browser journey (JavaScript {args.javascript}, {args.input}): {len(checked)} pages checked with axe in {time.time() - started:.1f} s, "
      f"{len(violations)} violations")
for violation in violations:
    print("  " + violation)
sys.exit(1 if violations else 0)
