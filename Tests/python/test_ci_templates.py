"""The CI templates in docs/ci/ that a school copies: valid against their schemas and right.

check-jsonschema (pinned in Tests/requirements.txt) carries the GitHub Actions workflow and
GitLab CI schemas, so this runs offline: `--builtin-schema vendor.github-workflows` for the GitHub
files and `vendor.gitlab-ci` for GitLab's. Then what the templates must do: pass the address of
the site to `portal build --base-url`, build with --strict, install libcmark-dev and libvips-dev,
use the Swift version portal is developed with, rebuild daily, cache the Swift build, and name
only current major versions of actions.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CI = REPO / "docs" / "ci"
GITHUB = ["github-pages.yml", "own-hosting.yml"]
GITLAB = ["gitlab-ci.yml"]
SWIFT_IMAGE = "swift:6.3-noble"
# Current major versions (looked up November 2026); an older one in a template is a mistake.
ACTIONS = {"actions/checkout": "v7", "actions/cache": "v5", "actions/configure-pages": "v5",
           "actions/upload-pages-artifact": "v5", "actions/deploy-pages": "v5"}


def check_jsonschema():
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    if not os.path.exists(exe):
        if os.environ.get("CI") == "true":
            pytest.fail("check-jsonschema is not installed (make test-deps)")
        pytest.skip("check-jsonschema is not installed (make test-deps): CI templates not validated")
    return exe


@pytest.mark.parametrize("name,schema", [(n, "vendor.github-workflows") for n in GITHUB] +
                         [(n, "vendor.gitlab-ci") for n in GITLAB])
def test_template_matches_its_schema(name, schema):
    result = subprocess.run([check_jsonschema(), "--builtin-schema", schema, str(CI / name)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, "%s against %s:\n%s%s" % (name, schema, result.stdout, result.stderr)


def test_a_broken_template_is_caught(tmp_path):
    """The validation can fail: a step with neither `run` nor `uses` is refused."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - name: x\n        with: {a: 1}\n")
    result = subprocess.run([check_jsonschema(), "--builtin-schema", "vendor.github-workflows", str(broken)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0


@pytest.mark.parametrize("name", GITHUB + GITLAB)
def test_template_builds_right(name):
    text = (CI / name).read_text(encoding="utf-8")
    assert "portal build --strict" in text
    assert "--base-url" in text
    assert "libcmark-dev libvips-dev" in text
    assert SWIFT_IMAGE in text
    assert re.search(r"^\s+- cron: \"30 2 \* \* \*\"$", text, re.MULTILINE) or "Pipeline schedules" in text
    assert ".build" in text, "the Swift build is cached"
    for action, version in re.findall(r"uses: (actions/[a-z-]+)@(v\d+)", text):
        assert ACTIONS.get(action) == version, "%s uses %s@%s, not %s" % (name, action, version, ACTIONS.get(action))
        assert "%s %s" % (action, version) in text, "%s: the comment names %s %s" % (name, action, version)


def test_github_pages_passes_configure_pages_address():
    text = (CI / "github-pages.yml").read_text(encoding="utf-8")
    assert "--base-url \"${{ steps.pages.outputs.base_url }}/\"" in text
    assert text.index("actions/configure-pages@") < text.index("portal build --strict")


def test_gitlab_passes_the_pages_address_and_runs_on_schedules():
    text = (CI / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert "--base-url \"$CI_PAGES_URL/\"" in text
    assert "$CI_PIPELINE_SOURCE == \"schedule\"" in text


def test_own_hosting_copies_into_a_subfolder_deleting_only_what_portal_no_longer_writes():
    text = (CI / "own-hosting.yml").read_text(encoding="utf-8")
    assert "rsync -rlt" in text and "mirror --reverse --only-newer" in text
    # The copy itself deletes nothing; only the listed files go.
    assert "--delete" not in text.split("rsync -rlt", 1)[1].split("\n", 1)[0]
    assert "--delete-missing-args --files-from=gone.txt" in text
    assert "source gone.lftp" in text
    assert text.index("cp Public/.portal-output previous-output.json") < text.index("portal build --strict")


def step_script(name, step):
    import yaml
    workflow = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    for job in workflow["jobs"].values():
        for candidate in job["steps"]:
            if candidate.get("name") == step:
                return candidate["run"]
    raise AssertionError("%s has no step %r" % (name, step))


def test_own_hosting_deletes_on_the_server_the_pages_of_a_withdrawn_mentor(tmp_path):
    """The site's own folder on the hosting loses the page and photo of a mentor who withdrew
    consent, and nothing else: the files the last build listed and this one does not."""
    binary = Path(os.environ.get("PORTAL_BIN") or REPO / ".build" / "debug" / "portal")
    if not binary.exists():
        pytest.fail("portal binary not found: set PORTAL_BIN or run `swift build`")
    site = tmp_path / "site"
    for folder in ("Content", "Themes"):
        shutil.copytree(REPO / folder, site / folder)

    def build():
        result = subprocess.run([str(binary), "build", "--root", str(site), "--output", str(tmp_path / "Public"),
                                 "--today", "2026-01-15"], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr

    build()
    shutil.copy(tmp_path / "Public" / ".portal-output", tmp_path / "previous-output.json")
    mentors = site / "Content" / "data" / "mentors.yml"
    mentors.write_text(mentors.read_text(encoding="utf-8").replace(
        "- id: orlova-marina\n", "- id: orlova-marina\n  consent_withdrawn: 2026-01-10\n"), encoding="utf-8")
    build()
    result = subprocess.run(["bash", "-e", "-c", step_script("own-hosting.yml", "List the files the site no longer has")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    gone = (tmp_path / "gone.txt").read_text(encoding="utf-8").split()
    assert gone == ["images/mentors/orlova-marina.svg", "mentors/orlova-marina/index.html"]


def test_swift_image_is_the_version_portal_is_built_with():
    swift = shutil.which("swift")
    if swift is None:
        pytest.skip("swift is not on PATH")
    version = subprocess.run([swift, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"Swift version (\d+\.\d+)", version)
    assert match, version
    assert SWIFT_IMAGE == "swift:%s-noble" % match.group(1)
