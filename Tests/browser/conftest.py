"""Starts `sift serve --demo` on a free port with a fresh SQLite file, and a headless Chromium."""
import os
import re
import socket
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIFT = os.environ.get("SIFT_BINARY", os.path.join(ROOT, ".build", "debug", "sift"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    folder = tempfile.mkdtemp()
    port = free_port()
    process = subprocess.Popen(
        [SIFT, "serve", "--demo", "--database", os.path.join(folder, "demo.sqlite"), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "DATABASE_URL": ""})
    output = ""
    deadline = time.time() + 120
    while "Server started" not in output:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            raise RuntimeError("sift serve stopped:\n" + output)
        output += line
        if time.time() > deadline:
            process.kill()
            raise RuntimeError("sift serve did not start:\n" + output)
    passwords = dict(re.findall(r"^\s+(\S+@\S+\.example)\s+(\S+)\s", output, re.M))
    yield {"base": f"http://127.0.0.1:{port}", "passwords": passwords}
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
