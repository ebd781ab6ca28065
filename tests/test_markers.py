"""The pytest markers cannot drift: every test that starts the real service or loads the
trained model carries `model`, every browser test `browser`, every scale-out test `scaleout`.
`make test-fast` deselects these markers, so an unmarked test of that kind would fail there
(no model) or slip out of the full run's accounting.

The check reads the test modules' source (no imports, so it is fast): a test needs the model
when it, or a fixture or helper of its module that it uses (transitively), mentions
`LiveServer`, the `live_server` fixture, Rasa's `Agent`, or the model file's name.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import MODULE_MARKERS

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
TRIGGER_NAMES = {"LiveServer", "live_server", "Agent"}
MODEL_FILE = re.compile(r"(\S*/)?poortwachter\.tar\.gz")  # a path, not a sentence naming it
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class MarkedTest:
    module: str
    name: str
    markers: frozenset[str]
    needs_model: bool


def _marker_names(node: ast.expr | None) -> set[str]:
    """`pytest.mark.x`, `pytest.mark.x(...)` or a list/tuple of them -> {"x", ...}."""
    if node is None:
        return set()
    if isinstance(node, ast.List | ast.Tuple):
        return {name for element in node.elts for name in _marker_names(element)}
    if isinstance(node, ast.Call):
        return _marker_names(node.func)
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "mark"
    ):
        return {node.attr}
    return set()


def _mentions(node: ast.AST) -> set[str]:
    """Names, attributes and parameters a definition refers to, plus a trigger for the
    model file's name in a string."""
    found: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
        elif isinstance(child, ast.arg):
            found.add(child.arg)
        elif (
            isinstance(child, ast.Constant)
            and isinstance(child.value, str)
            and MODEL_FILE.fullmatch(child.value)
        ):
            found.add("Agent")  # the model file itself: as good as loading it
    return found


def analyse(source: str, module: str) -> list[MarkedTest]:
    """The test functions of one module with their markers and whether they need the model."""
    tree = ast.parse(source)
    module_markers = set(MODULE_MARKERS.get(module, ()))
    definitions: dict[str, set[str]] = {}  # module-level name -> what it mentions
    tests: list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, set[str]]] = []

    def visit(body: list[ast.stmt], inherited: set[str]) -> None:
        for node in body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        if target.id == "pytestmark":
                            inherited |= _marker_names(node.value)
                        else:
                            definitions[target.id] = _mentions(node)
            elif isinstance(node, ast.ClassDef):
                definitions[node.name] = _mentions(node)
                if node.name.startswith("Test"):
                    own = {m for d in node.decorator_list for m in _marker_names(d)}
                    visit(node.body, inherited | own)
            elif isinstance(node, FUNCTIONS):
                definitions[node.name] = _mentions(node)
                if node.name.startswith("test"):
                    own = {m for d in node.decorator_list for m in _marker_names(d)}
                    tests.append((node, own | inherited))

    visit(tree.body, module_markers)

    def needs_model(name: str, seen: set[str]) -> bool:
        if name in TRIGGER_NAMES:
            return True
        if name in seen or name not in definitions:
            return False
        seen.add(name)
        return any(needs_model(mentioned, seen) for mentioned in definitions[name])

    return [
        MarkedTest(
            module,
            node.name,
            frozenset(markers | module_markers),
            needs_model(node.name, set()),
        )
        for node, markers in tests
    ]


def all_tests() -> Iterator[tuple[Path, MarkedTest]]:
    for path in sorted(TESTS.rglob("test_*.py")):
        if "node_modules" in path.parts or path == Path(__file__).resolve():
            continue  # this module names the triggers itself
        for test in analyse(path.read_text(encoding="utf-8"), path.stem):
            yield path, test


def test_every_test_that_needs_the_model_is_marked() -> None:
    unmarked = [
        f"{path.relative_to(ROOT)}::{test.name}"
        for path, test in all_tests()
        if test.needs_model and "model" not in test.markers
    ]
    assert not unmarked, f"add pytest.mark.model (pytestmark or decorator) to: {unmarked}"


def test_the_check_finds_the_known_model_tests() -> None:
    needing = {f"{test.module}::{test.name}" for _, test in all_tests() if test.needs_model}
    assert "test_service_http::test_hallo_gets_a_dutch_greeting" in needing  # live_server
    assert "test_restart::test_restart_keeps_the_conversation" in needing  # LiveServer(...)
    assert "test_inference_load::test_same_parses_as_rasas_own_load" in needing  # Agent.load
    assert "test_nlu_quality::test_heldout_targets_hold" in needing  # the model file
    assert "test_retention::test_the_service_purges_on_its_own" in needing
    assert "test_retention::test_cutoff" not in needing
    assert "test_security::test_body_size_is_capped" not in needing  # a stand-in assistant


def test_browser_and_scaleout_tests_are_marked() -> None:
    for path, test in all_tests():
        if "browser" in path.relative_to(TESTS).parts:
            assert {"browser", "model"} <= test.markers, (path, test.name)
        if path.stem == "test_scaleout":
            assert {"scaleout", "model"} <= test.markers, (path, test.name)


def test_used_markers_are_declared(pytestconfig: pytest.Config) -> None:
    declared = {m.split(":")[0] for m in pytestconfig.getini("markers")}
    used = {m for _, test in all_tests() for m in test.markers} - {"parametrize"}
    assert used <= declared, used - declared


SAMPLE = """
import pytest
from tests.live_server import LiveServer

MODEL = ROOT / "models" / "poortwachter.tar.gz"

@pytest.fixture
def servers(tmp_path):
    return [LiveServer(tmp_path, tmp_path / "log")]

def helper(server):
    return server.chat("x", "hallo")

def test_fixture_direct(live_server): ...
def test_via_module_fixture(servers): ...
def test_via_constant(): assert MODEL.exists()
@pytest.mark.model
def test_marked(live_server): ...
def test_unit(): assert helper is not None
def test_sentence(): assert "saved at 'models/poortwachter.tar.gz'."
@pytest.mark.parametrize("x", [1])
def test_param_unit(x): ...
"""


@pytest.mark.parametrize(
    ("name", "needs", "marked"),
    [
        ("test_fixture_direct", True, False),
        ("test_via_module_fixture", True, False),
        ("test_via_constant", True, False),
        ("test_marked", True, True),
        ("test_unit", False, False),
        ("test_sentence", False, False),
        ("test_param_unit", False, False),
    ],
)
def test_the_check_itself(name: str, needs: bool, marked: bool) -> None:
    found = {t.name: t for t in analyse(SAMPLE, "test_sample")}
    assert found[name].needs_model is needs
    assert ("model" in found[name].markers) is marked


def test_module_marks_and_conftest_marks_apply_to_every_test() -> None:
    source = (
        "import pytest\npytestmark = [pytest.mark.browser, pytest.mark.model]\ndef test_a(): ...\n"
    )
    assert analyse(source, "test_x")[0].markers == {"browser", "model"}
    assert {"scaleout", "model"} <= analyse("def test_b(): ...\n", "test_scaleout")[0].markers
