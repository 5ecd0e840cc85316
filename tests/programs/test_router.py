from __future__ import annotations

from typing import Any

import httpx
import numpy as np
import pytest

from service.core.programs.examples import EXAMPLES
from service.core.programs.syntax import parse
from service.programs.schemas import MAX_KERNEL_POINTS, MAX_POINTS
from tests.evaluation.test_router import assert_problem

pytestmark = pytest.mark.anyio

FRAMEWORKS = ("pytorch", "jax", "tensorflow")


async def evaluate(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/v1/programs/evaluate", json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    answer: dict[str, Any] = response.json()
    return answer


# --- examples ------------------------------------------------------------------------------


async def test_examples_lists_every_example_and_each_parses(client: httpx.AsyncClient) -> None:
    """The route serves the whole list, in order, and no example is a program the service
    would refuse."""
    response = await client.get("/v1/programs/examples")
    assert response.status_code == 200
    listed = response.json()
    assert listed == [{"name": e.name, "program": e.program, "shows": e.shows} for e in EXAMPLES]
    for example in listed:
        parse(example["program"])
        assert example["name"]
        assert example["shows"]


# --- evaluate ------------------------------------------------------------------------------


async def test_identity_written_with_relu(client: httpx.AsyncClient) -> None:
    """relu(x) - relu(-x) is x: the truth is 1 on both sides of 0, every framework says 0 there,
    outside the subdifferential {1}."""
    body = await evaluate(client, program="relu(x) - relu(-x)", x=[-1, 0, 1])
    assert body["program"] == "relu(x) - relu(-x)"
    assert body["dtype"] == "float64"
    assert body["x"] == [-1.0, 0.0, 1.0]
    assert body["value"] == [-1.0, 0.0, 1.0]
    assert body["left"] == body["right"] == [1.0, 1.0, 1.0]
    assert body["lower"] == body["upper"] == [1.0, 1.0, 1.0]
    assert set(body["frameworks"]) == set(FRAMEWORKS)
    for name, result in body["frameworks"].items():
        assert result["error"] is None, name
        assert result["ops"], name
        assert result["value"] == [-1.0, 0.0, 1.0], name
        assert result["derivative"] == [1.0, 0.0, 1.0], name
        assert result["in_subdifferential"] == [True, False, True], name


async def test_max_at_its_tie(client: httpx.AsyncClient) -> None:
    """max(x, 0) at 0: PyTorch and JAX split the gradient, TensorFlow gives it to x; all lie in
    the subdifferential [0, 1]."""
    body = await evaluate(client, program="max(x, 0)", x=[0])
    assert (body["left"], body["right"]) == ([0.0], [1.0])
    assert (body["lower"], body["upper"]) == ([0.0], [1.0])
    expected = {"pytorch": 0.5, "jax": 0.5, "tensorflow": 1.0}
    for name, derivative in expected.items():
        result = body["frameworks"][name]
        assert result["derivative"] == [derivative], name
        assert result["in_subdifferential"] == [True], name


async def test_frameworks_without_the_op_answer_an_error(client: httpx.AsyncClient) -> None:
    """hardtanh with bounds other than -1, 1 has no op in JAX or TensorFlow: an error string and
    null arrays for them, a result for PyTorch, and the truth regardless."""
    body = await evaluate(client, program="hardtanh(x, -2, 2)", x=[0, 3])
    assert body["value"] == [0.0, 2.0]
    assert body["frameworks"]["pytorch"]["error"] is None
    assert body["frameworks"]["pytorch"]["derivative"] == [1.0, 0.0]
    for name in ("jax", "tensorflow"):
        result = body["frameworks"][name]
        assert isinstance(result["error"], str), name
        assert "hardtanh" in result["error"], name
        for field in ("ops", "value", "derivative", "in_subdifferential"):
            assert result[field] is None, (name, field)


async def test_step_has_no_derivative_in_pytorch(client: httpx.AsyncClient) -> None:
    """torch.heaviside has no backward: an error instead of arrays; the truth still says that
    the right derivative at 0 does not exist (a jump)."""
    body = await evaluate(client, program="step(x)", x=[0, 1], frameworks=["pytorch"])
    assert list(body["frameworks"]) == ["pytorch"]
    result = body["frameworks"]["pytorch"]
    assert result["error"]
    assert result["derivative"] is None
    assert result["in_subdifferential"] is None
    assert body["left"] == [0.0, 0.0]
    assert body["right"] == ["NaN", 0.0]
    assert body["lower"] == ["NaN", 0.0]


async def test_program_is_answered_canonically(client: httpx.AsyncClient) -> None:
    """The answer names the program as the service read it, not as it was typed."""
    body = await evaluate(client, program="  relu( x )**2+(-x)", x=[1], frameworks=[])
    assert body["program"] == "relu(x)^2 + -x"
    assert body["frameworks"] == {}


async def test_non_finite_words_round_trip(client: httpx.AsyncClient) -> None:
    """NaN and the infinities travel as words both ways, and -0.0 never comes back from the
    truth."""
    body = await evaluate(
        client, program="relu(x)", x=["NaN", "Infinity", "-Infinity", -0.0], frameworks=[]
    )
    assert body["x"][:3] == ["NaN", "Infinity", "-Infinity"]
    assert body["value"] == ["NaN", "Infinity", 0.0, 0.0]
    assert body["left"][0] == body["right"][0] == "NaN"
    for field in ("value", "left", "right", "lower", "upper"):
        assert not any(v == 0 and str(v).startswith("-") for v in body[field]), field


async def test_float16(client: httpx.AsyncClient) -> None:
    """x is read in float16 (70000 is beyond its largest, 65504) and every array answers in
    float16: the shortest decimal that reads back as the float16."""
    body = await evaluate(client, program="x * 3", x=[0.1, 70000], dtype="float16")
    assert body["dtype"] == "float16"
    tenth = np.float16(0.1)
    assert np.float16(body["x"][0]) == tenth
    assert body["x"][1] == "Infinity"
    assert np.float16(body["value"][0]) == np.float16(float(tenth) * 3)
    assert body["value"][1] == "Infinity"
    assert body["left"][0] == body["right"][0] == 3.0
    for name, result in body["frameworks"].items():
        assert np.float16(result["value"][0]) == tenth * np.float16(3), name


# --- refusals ------------------------------------------------------------------------------


async def test_bad_program_names_the_column(client: httpx.AsyncClient) -> None:
    """A program that does not parse: 422 at body.program, the detail starting with the column
    of the fault."""
    response = await client.post(
        "/v1/programs/evaluate", json={"program": "relu(x) + foo(x)", "x": [0]}
    )
    problem = assert_problem(response, 422, ["body", "program"])
    assert problem["detail"].startswith("column 11: ")
    assert "foo" in problem["detail"]


async def test_too_many_points(client: httpx.AsyncClient) -> None:
    """More than MAX_POINTS points is refused at body.x."""
    response = await client.post(
        "/v1/programs/evaluate", json={"program": "x", "x": [0] * (MAX_POINTS + 1)}
    )
    assert_problem(response, 422, ["body", "x"])


async def test_kernel_calls_times_points_are_bounded(client: httpx.AsyncClient) -> None:
    """exp, log, sin, cos, sqrt, softplus and powers cost microseconds per point when emulated
    bit for bit: calls times points above MAX_KERNEL_POINTS are refused at body.program, and
    the bound itself is served."""
    program = "exp(x) + x^5 + softplus(x) * sin(x) + cos(x) + log(x + 1) + sqrt(abs(x))"
    program += " + x^3 + exp(-x) + sin(2 * x) + relu(x)"  # 10 calls, relu not among them
    points = MAX_KERNEL_POINTS // 10
    at_bound = {"program": program, "x": [0.5] * points}
    response = await client.post("/v1/programs/evaluate", json=at_bound)
    assert response.status_code == 200, response.text
    over = {**at_bound, "program": program + " + log(x)"}
    response = await client.post("/v1/programs/evaluate", json=over)
    problem = assert_problem(response, 422, ["body", "program"])
    assert f"{11 * points:,} kernel evaluations" in problem["detail"]


@pytest.mark.parametrize(
    ("field", "value", "loc"),
    [
        ("frameworks", ["pytorch", "mxnet"], ["body", "frameworks", 1]),
        ("dtype", "bfloat16", ["body", "dtype"]),
        ("x", [], ["body", "x"]),
    ],
)
async def test_unknown_values_are_refused(
    client: httpx.AsyncClient, field: str, value: Any, loc: list[Any]
) -> None:
    """An unknown framework or dtype, or no points: 422 at the field."""
    body = {"program": "relu(x)", "x": [0], field: value}
    response = await client.post("/v1/programs/evaluate", json=body)
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["loc"][: len(loc)] == loc


@pytest.mark.parametrize("point", [True, "1.5", "nan", "inf", None, {"a": 1}])
async def test_points_are_numbers_or_the_three_words(client: httpx.AsyncClient, point: Any) -> None:
    """x takes what every other /v1 array takes (tests/evaluation/test_router.py): numbers and
    "NaN", "Infinity", "-Infinity"; no booleans, numeric strings or other spellings."""
    response = await client.post("/v1/programs/evaluate", json={"program": "x", "x": [1, point]})
    problem = assert_problem(response, 422)
    assert {tuple(e["loc"][:3]) for e in problem["errors"]} == {("body", "x", 1)}
