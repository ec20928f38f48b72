"""Shared by every Python test (browser, validator, CI templates, feeds).

Several tests build the repository's own site (`portal build --root <repo>`); its build cache
goes to a temporary folder of the session through PORTAL_CACHE_DIR (what `--cache-dir` says),
so that no test writes into the repository.
"""

import os
import shutil
import tempfile

_CACHE = None


def pytest_configure(config):
    global _CACHE
    _CACHE = tempfile.mkdtemp(prefix="portal-test-cache-")
    os.environ["PORTAL_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config):
    if _CACHE:
        shutil.rmtree(_CACHE, ignore_errors=True)
