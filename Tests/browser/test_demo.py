"""End to end in a real browser: what an officer and a school's user see, and do not."""
from selenium.webdriver.common.by import By


def sign_in(browser, server, email):
    browser.get(server["base"] + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(server["passwords"][email])
    browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button").click()


def test_wrong_password_shows_the_error_summary(browser, server):
    browser.get(server["base"] + "/sign-in")
    browser.find_element(By.ID, "email").send_keys("officer@northbridge.example")
    browser.find_element(By.ID, "password").send_keys("not the password")
    browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button").click()
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary")
    assert "There is a problem" in summary.text
    assert browser.title.startswith("Error:")


def test_officer_sees_the_overview_and_an_establishments_reasons(browser, server):
    sign_in(browser, server, "officer@northbridge.example")
    assert "Northbridge City Council" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "svg[role='img'] rect")
    browser.find_element(By.LINK_TEXT, "Establishments").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr a")
    assert len(rows) >= 30
    rows[0].click()
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Why" in page
    assert "From the framework" in page
    browser.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button").click()
    assert browser.current_url.endswith("/sign-in")


def test_school_user_sees_their_school_and_cannot_reach_another(browser, server):
    sign_in(browser, server, "school@northbridge.example")
    own = browser.current_url
    assert "/establishments/200000" in own
    assert "URN 200000" in browser.find_element(By.TAG_NAME, "main").text
    for other in ["200001", "200017", "240000"]:
        browser.get(server["base"] + "/establishments/" + other)
        assert "Page not found" in browser.find_element(By.TAG_NAME, "h1").text
    browser.get(server["base"] + "/establishments")
    assert "1 establishment" in browser.find_element(By.TAG_NAME, "main").text
