"""Under CI=true a missing test tool fails the run: a green CI means every test ran."""

import pytest

import conftest


def outcome(call):
    try:
        call()
    except BaseException as raised:  # pytest's skip and fail are BaseExceptions
        return raised
    return None


def test_a_missing_tool_is_a_failure_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert isinstance(outcome(lambda: conftest.require_tool("xmllint is not installed")), pytest.fail.Exception)


def test_a_missing_tool_is_a_skip_elsewhere(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert isinstance(outcome(lambda: conftest.require_tool("xmllint is not installed")), pytest.skip.Exception)


def test_a_missing_browser_is_a_failure_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(conftest, "find_chromium", lambda: None)
    raised = outcome(lambda: conftest.make_driver())
    assert isinstance(raised, pytest.fail.Exception), "a missing Chromium must fail under CI, not skip: %r" % raised
