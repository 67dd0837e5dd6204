"""End to end in a real browser: what an officer and a school's user see, and do not."""
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait


def submit_and_wait(browser, button, until):
    """Clicks a form's button and waits for the page it leads to: a click does not wait, and
    the address may already hold `until` before the click, so the old page must go first."""
    follow(browser, button.click)
    WebDriverWait(browser, 10).until(lambda driver: until in driver.current_url)


def follow(browser, action):
    """Does what leads to a new page and waits until the old one has gone."""
    old = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, 30).until(lambda driver: gone(old))


def gone(element):
    """Whether an element's page has been replaced. Chromium answers a stale element either
    way: as stale, or with "Node with given id does not belong to the document"."""
    try:
        element.tag_name
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def sign_in(browser, server, email):
    browser.get(server["base"] + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(server["passwords"][email])
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button").click)
    WebDriverWait(browser, 10).until(lambda driver: "/sign-in" not in driver.current_url)


def test_wrong_password_shows_the_error_summary(browser, server):
    browser.get(server["base"] + "/sign-in")
    browser.find_element(By.ID, "email").send_keys("officer@northbridge.example")
    browser.find_element(By.ID, "password").send_keys("not the password")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button").click)
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary")
    assert "There is a problem" in summary.text
    assert browser.title.startswith("Error:")


def test_officer_sees_the_overview_and_an_establishments_reasons(browser, server):
    sign_in(browser, server, "officer@northbridge.example")
    assert "Northbridge City Council" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "svg[role='img'] rect")
    follow(browser, browser.find_element(By.LINK_TEXT, "Establishments").click)
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr a")
    assert len(rows) >= 30
    follow(browser, rows[0].click)
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Why" in page
    assert "From the framework" in page
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"), "/sign-in")


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


def test_a_whole_year_override_letter_and_the_schools_view(browser, server):
    """An officer runs the year for Riverside, overrides one proposal with a reason, agrees
    the rest, confirms, and opens the letter; the school's user then sees it, and cannot
    reach another school."""
    sign_in(browser, server, "officer@riverside.example")
    follow(browser, browser.find_element(By.LINK_TEXT, "Categorisation").click)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[contains(., 'Propose categories')]"), "/runs/")
    # The progress page reloads itself until the proposals are stored, then opens the review.
    WebDriverWait(browser, 60).until(lambda driver: "/progress" not in driver.current_url)
    assert "Categorisation" in browser.find_element(By.CLASS_NAME, "govuk-caption-l").text
    year_url = browser.current_url.split("?")[0]
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "tbody th a")]
    assert len(links) == 34
    school = [link for link in links if link.endswith("/230000")][0]

    # Override the school's proposal, first forgetting the reason.
    browser.get(school)
    browser.find_element(By.CSS_SELECTOR, "#category option[value='IntensiveB']").click()
    follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Record this category')]").click)
    WebDriverWait(browser, 10).until(lambda driver: driver.find_elements(By.CLASS_NAME, "govuk-error-summary"))
    assert "Enter the reason for this category" in browser.find_element(By.CLASS_NAME, "govuk-error-summary").text
    browser.find_element(By.ID, "reason").send_keys("The new head has asked for intensive support")
    browser.find_element(By.CSS_SELECTOR, "#category option[value='IntensiveB']").click()
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[contains(., 'Record this category')]"), "show=undecided")

    # Agree every other proposal.
    for link in links:
        if link == school:
            continue
        browser.get(link)
        submit_and_wait(browser, browser.find_element(By.XPATH, "//button[starts-with(., 'Agree')]"), "show=undecided")
    browser.get(year_url)
    follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Confirm')]").click)
    WebDriverWait(browser, 30).until(lambda driver: "Confirmed" in driver.find_element(By.TAG_NAME, "main").text)

    # The letter for the overridden school.
    browser.get(server["base"] + "/establishments/230000")
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Your category for").click)
    letter = browser.find_element(By.CLASS_NAME, "sift-letter").text
    assert "IntensiveB" in letter
    assert "The new head has asked for intensive support" in letter
    letter_url = browser.current_url
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button"), "/sign-in")

    # The school's own user sees the letter, and cannot reach another school's page.
    sign_in(browser, server, "school@riverside.example")
    assert "/establishments/230000" in browser.current_url
    browser.get(letter_url)
    assert "IntensiveB" in browser.find_element(By.CLASS_NAME, "sift-letter").text
    browser.get(server["base"] + "/establishments/230001")
    assert "Page not found" in browser.find_element(By.TAG_NAME, "h1").text


def test_the_openapi_document_is_valid(server):
    """The API's description, as served, is a valid OpenAPI document."""
    import json
    import urllib.request
    from openapi_spec_validator import validate

    with urllib.request.urlopen(server["base"] + "/api/v1/openapi.json") as response:
        document = json.load(response)
    validate(document)
    assert "/api/v1/establishments/{urn}" in document["paths"]


def test_plan_a_visit_log_it_and_see_delivered_against_planned(browser, server):
    """An officer of Ironbury (Wolverhampton's annex 2 plans) agrees a school's category, makes
    its year's plan, records a visit against it, and sees the delivered figures change."""
    import datetime
    from selenium.webdriver.support.ui import Select

    sign_in(browser, server, "officer@ironbury.example")
    follow(browser, browser.find_element(By.LINK_TEXT, "Categorisation").click)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[contains(., 'Propose categories')]"), "/runs/")
    WebDriverWait(browser, 60).until(lambda driver: "/progress" not in driver.current_url)
    decision = browser.find_elements(By.CSS_SELECTOR, "tbody th a")[0].get_attribute("href")
    urn = decision.rstrip("/").split("/")[-1]
    browser.get(decision)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[starts-with(., 'Agree')]"), "show=undecided")

    browser.get(server["base"] + f"/establishments/{urn}")
    follow(browser, browser.find_element(By.ID, "support-link").click)
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[contains(., \"Make the year's plan\")]"), "done=")
    planned_rows = browser.find_elements(By.CSS_SELECTOR, "#plan tbody tr")
    assert planned_rows, "the plan has activities"
    tally = browser.find_element(By.CSS_SELECTOR, "#tallies tbody tr")
    cells = [cell.text for cell in tally.find_elements(By.CSS_SELECTOR, "td")]
    allocation, planned, delivered, remaining = cells
    assert delivered == "0"
    assert remaining == planned

    browser.find_element(By.ID, "date").send_keys(datetime.date.today().isoformat())
    Select(browser.find_element(By.ID, "kind")).select_by_value("visit")
    Select(browser.find_element(By.ID, "item")).select_by_index(1)
    Select(browser.find_element(By.ID, "adviser")).select_by_index(1)
    browser.find_element(By.ID, "notes").send_keys("Looked at reading across Key Stage 1")
    browser.find_element(By.ID, "outcome").send_keys("Actions agreed for the next half term")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[contains(., 'Record it')]"), "done=")
    tally = browser.find_element(By.CSS_SELECTOR, "#tallies tbody tr")
    after = [cell.text for cell in tally.find_elements(By.CSS_SELECTOR, "td")]
    assert after[2] != "0", after
    assert float(after[3]) < float(remaining), after
    assert "Looked at reading across Key Stage 1" in browser.find_element(By.ID, "delivered").text

    follow(browser, browser.find_element(By.LINK_TEXT, "Support").click)
    assert "Delivered:" in browser.find_element(By.ID, "totals").text
    assert "none" not in browser.find_element(By.ID, "advisers").text


def test_import_compliance_checks_from_a_file_and_see_them_on_the_dashboard(browser, server):
    """An officer of Ironbury uploads a CSV of Annex 5 checks through the form's file field;
    a file with a problem is refused with its line, a good one shows on the school's dashboard."""
    import datetime
    import tempfile

    sign_in(browser, server, "officer@ironbury.example")
    follow(browser, browser.find_element(By.LINK_TEXT, "Establishments").click)
    urn = browser.find_elements(By.CSS_SELECTOR, "tbody tr a")[0].get_attribute("href").rstrip("/").split("/")[-1]
    today = datetime.date.today().isoformat()

    def upload(text):
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as file:
            file.write(text)
        browser.get(server["base"] + "/compliance/import")
        browser.find_element(By.ID, "file").send_keys(file.name)
        follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Import the checks')]").click)

    upload(f"urn,item,status,checked,note\n{urn},budget,purple,{today},\n")
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary").text
    assert "Nothing was imported" in summary and "line 2" in summary.lower(), summary

    upload(f"urn,item,status,checked,note\n{urn},budget,green,{today},Balanced\n{urn},dpo,amber,{today},Named in spring\n")
    WebDriverWait(browser, 10).until(lambda driver: "done=" in driver.current_url)
    assert "2 checks of 1 establishments were imported" in browser.find_element(By.TAG_NAME, "main").text

    browser.get(server["base"] + f"/establishments/{urn}/compliance")
    dashboard = browser.find_element(By.TAG_NAME, "main").text
    assert "Balanced" in dashboard and "Named in spring" in dashboard, dashboard


def test_an_academy_cannot_be_placed_in_coventrys_category_1(browser, server):
    """The framework's constraints bind people: Northbridge works to Coventry's framework,
    whose Category 1 is for maintained schools only, and 200004 is an academy."""
    sign_in(browser, server, "officer@northbridge.example")
    browser.get(server["base"] + "/establishments/200004/recategorise")
    browser.find_element(By.CSS_SELECTOR, "#category option[value='1']").click()
    browser.find_element(By.ID, "reason").send_keys("The trust has asked for the authority's support")
    follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Record this category')]").click)
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary").text
    assert "Only maintained schools can be designated Category 1." in summary
    assert "the school is not maintained by the local authority" in summary
    assert browser.title.startswith("Error:")
    browser.get(server["base"] + "/establishments/200004")
    assert "The trust has asked" not in browser.find_element(By.TAG_NAME, "main").text


def test_keep_establishments_by_hand_a_childminder_a_predecessor_and_a_network(browser, server):
    """Ironbury's officer adds a childminder by Ofsted's reference; Northbridge's administrator
    records the school an academy replaced and moves a school into another network."""
    import datetime

    sign_in(browser, server, "officer@ironbury.example")
    follow(browser, browser.find_element(By.LINK_TEXT, "Establishments").click)
    follow(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Add an early-years setting").click)
    browser.find_element(By.ID, "urn").send_keys("EY7")
    follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Add it')]").click)
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary").text
    assert "like EY123456" in summary and "Enter the name" in summary, summary
    browser.find_element(By.ID, "urn").clear()
    browser.find_element(By.ID, "urn").send_keys("EY771100")
    browser.find_element(By.ID, "name").send_keys("Sam Okafor Childminding")
    browser.find_element(By.CSS_SELECTOR, "#kind option[value='childminder']").click()
    browser.find_element(By.ID, "pupils").send_keys("6")
    browser.find_element(By.ID, "registeredPerson").send_keys("Sam Okafor")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[contains(., 'Add it')]"), "/establishments/EY771100")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Sam Okafor Childminding" in main and "Registered person" in main and "Not covered" not in main, main

    browser.delete_all_cookies()
    sign_in(browser, server, "admin@northbridge.example")
    browser.get(server["base"] + "/establishments/200004")
    follow(browser, browser.find_element(By.LINK_TEXT, "Record a school it replaced").click)
    browser.find_element(By.ID, "predecessor").send_keys("200001")
    browser.find_element(By.ID, "date").send_keys("01/09/2019")
    follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Record it')]").click)
    links = browser.find_element(By.ID, "links").text
    assert "(URN 200001), which this school replaced on 1 September 2019." in links, links

    follow(browser, browser.find_element(By.LINK_TEXT, "Networks").click)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Networks"
    follow(browser, browser.find_element(By.LINK_TEXT, "Northbridge network 2").click)
    browser.find_element(By.ID, "urns").send_keys("200000")
    browser.find_element(By.ID, "from").send_keys(datetime.date.today().strftime("%d/%m/%Y"))
    follow(browser, browser.find_element(By.XPATH, "//button[contains(., 'Move them')]").click)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "URN 200000" in main and "Joined" in main, main
