"""A frontend can generate a typed client: openapi-typescript turns the live OpenAPI
document into TypeScript, and tsc type-checks a small file that uses those types."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from fastapi import FastAPI

from tests.conftest import ROOT

USAGE = """
import type { components, paths } from "./api";

type QuizCreated = components["schemas"]["QuizCreated"];
type PublicItem = components["schemas"]["PublicItem"];
type AnswerSubmit = components["schemas"]["AnswerSubmit"];
type ReluValue =
  paths["/v1/relu"]["post"]["responses"][200]["content"]["application/json"];
type CreateBody =
  paths["/v1/quizzes"]["post"]["requestBody"]["content"]["application/json"];

const start: CreateBody = { size: 5, topics: ["subgradients"], seed: 42, max_tries: 2 };
const answer: AnswerSubmit = { position: 1, response: { dne: true } };

export function firstStem(quiz: QuizCreated): string {
  const item: PublicItem = quiz.items[0];
  return `${item.position}: ${item.stem} (${item.type}, ${item.points} points)`;
}

export function shape(result: ReluValue): number[] {
  return result.shape;
}

// A learner's item has no field that could carry a key.
// @ts-expect-error: "key" does not exist on PublicItem
export const leak = (item: PublicItem) => item.key;

export { start, answer };
"""


def test_typescript_client_types_check(app: FastAPI, tmp_path: Path) -> None:
    (tmp_path / "openapi.json").write_text(json.dumps(app.openapi()))
    bin_dir = ROOT / "node_modules" / ".bin"
    subprocess.run(
        [
            bin_dir / "openapi-typescript",
            tmp_path / "openapi.json",
            "-o",
            tmp_path / "api.d.ts",
            # Fields with defaults stay optional in request bodies.
            "--default-non-nullable=false",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (tmp_path / "usage.ts").write_text(USAGE)
    checked = subprocess.run(
        [
            bin_dir / "tsc",
            "--noEmit",
            "--strict",
            "--target",
            "es2020",
            "--module",
            "es2020",
            "--moduleResolution",
            "bundler",
            tmp_path / "usage.ts",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_operation_has_an_id_and_an_example(app: FastAPI) -> None:
    spec = app.openapi()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            assert operation.get("operationId"), (method, path)
            text = json.dumps(operation)
            assert '"example"' in text or '"examples"' in text, (method, path)
