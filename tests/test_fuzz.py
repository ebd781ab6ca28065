"""Fuzzing the public API from its own OpenAPI schema with hypothesis: whatever comes in,
the answer is never a 5xx, and every refusal has a JSON body. Bounded: a fixed number of
examples per operation."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.core.settings import RateLimit, Settings
from api.main import create_app
from tests.test_security import EchoAssistant

pytestmark = pytest.mark.slow  # about 15 s: 150 examples per API operation

EXAMPLES_PER_OPERATION = 150
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)  # fmt: skip
dates = st.dates().map(lambda d: d.isoformat())
texts = st.text(max_size=60) | dates | st.sampled_from(["", " ", "2026-02-30", "..", "0000-00-00"])


def from_schema(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """A strategy for values that fit `schema`, mixed with values that do not."""
    if "$ref" in schema:
        return from_schema(components[schema["$ref"].split("/")[-1]], components, depth)
    if depth > 3:
        return json_values
    options = schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf")
    if options:
        return st.one_of([from_schema(o, components, depth + 1) for o in options])
    kind = schema.get("type")
    fitting: Any
    if kind == "object":
        properties = {
            name: from_schema(sub, components, depth + 1)
            for name, sub in schema.get("properties", {}).items()
        }
        fitting = st.fixed_dictionaries({}, optional=properties) if properties else json_values
    elif kind == "array":
        fitting = st.lists(from_schema(schema.get("items", {}), components, depth + 1), max_size=5)
    elif kind == "integer":
        fitting = st.integers(min_value=-(2**40), max_value=2**40)
    elif kind == "string":
        fitting = texts
    elif kind == "boolean":
        fitting = st.booleans()
    else:
        fitting = json_values
    return st.one_of(fitting, fitting, json_values)  # mostly fitting


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = Settings.from_env().copy(
        update={
            "data_dir": tmp_path_factory.mktemp("fuzz"),
            "rate_per_client": RateLimit(0, 1),  # off: the fuzzer is one busy client
            "rate_per_sender": RateLimit(0, 1),
        }
    )
    assistant = EchoAssistant(settings)
    assistant.agent = object()
    return TestClient(create_app(settings, assistant))


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    app = create_app(Settings.from_env().copy(update={"data_dir": Path("/tmp")}))
    schema = app.openapi()
    found = [
        (path, method, {**operation, "components": schema.get("components", {}).get("schemas", {})})
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if not path.startswith("/webhook")  # Rasa's internal action call, local-only
    ]  # fmt: skip
    return found


@pytest.mark.parametrize(("path", "method", "operation"), operations(), ids=lambda v: str(v)[:40])
def test_no_server_errors(
    client: TestClient, path: str, method: str, operation: dict[str, Any]
) -> None:
    components = operation["components"]
    parameters = operation.get("parameters", [])
    body_schema = (
        operation.get("requestBody", {})
        .get("content", {})
        .get("application/json", {})
        .get("schema")
    )
    query = {p["name"]: st.none() | texts for p in parameters if p["in"] == "query"}
    path_params = {p["name"]: texts for p in parameters if p["in"] == "path"}
    body = from_schema(body_schema, components) if body_schema else st.none()

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.fixed_dictionaries(query), st.fixed_dictionaries(path_params), body)
    def check(query_values: dict[str, Any], path_values: dict[str, str], body_value: Any) -> None:
        url = path
        for name, value in path_values.items():
            url = url.replace(
                "{" + name + "}",
                quote(value, safe="") or "x",
            )
        params = {k: v for k, v in query_values.items() if v is not None}
        kwargs: dict[str, Any] = {"params": params}
        if body_schema:
            kwargs["json"] = body_value
        response = client.request(method.upper(), url, **kwargs)
        assert response.status_code < 500, (method, url, params, body_value, response.text)
        if response.status_code >= 400:
            assert response.json()["detail"]

    check()
