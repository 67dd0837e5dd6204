"""Starts `sift serve --demo` with a fresh SQLite file on a port the system picks, and a headless Chromium."""
import os
import re
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIFT = os.environ.get("SIFT_BINARY", os.path.join(ROOT, ".build", "debug", "sift"))


@pytest.fixture(scope="session")
def server():
    folder = tempfile.mkdtemp()
    # Port 0: the system gives the server a free port, which it names when it starts; no
    # other run on this machine can take it between choosing and binding.
    process = subprocess.Popen(
        [SIFT, "serve", "--demo", "--database", os.path.join(folder, "demo.sqlite"), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "DATABASE_URL": ""})
    output = ""
    deadline = time.time() + 120
    started = None
    while started is None:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            raise RuntimeError("sift serve stopped:\n" + output)
        output += line
        started = re.search(r"Server started on http://127\.0\.0\.1:(\d+)", output)
        if started is None and time.time() > deadline:
            process.kill()
            raise RuntimeError("sift serve did not start:\n" + output)
    passwords = dict(re.findall(r"^\s+(\S+@\S+\.example)\s+(\S+)\s", output, re.M))
    yield {"base": f"http://127.0.0.1:{started.group(1)}", "passwords": passwords}
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1200"]:
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
