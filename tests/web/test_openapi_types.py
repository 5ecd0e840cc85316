"""A frontend gets a typed client: the types of clients/ts, generated from the OpenAPI document
(tests/clients/test_generation.py holds them to the current one), type-check a small file that
uses them and the README's example; and every operation has an id and an example."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from fastapi import FastAPI

from tests.clients.readme import readme_block
from tests.conftest import ROOT

TS = ROOT / "clients" / "ts"

USAGE = """
import type { components, paths } from "SRC/schema.js";
import { createClient, unwrap } from "SRC/index.js";

type QuizCreated = components["schemas"]["QuizCreated"];
type PublicItem = components["schemas"]["PublicItem"];
type AnswerSubmit = components["schemas"]["AnswerSubmit"];
type ReluValue =
  paths["/v1/relu"]["post"]["responses"][200]["content"]["application/json"];
type CreateBody =
  paths["/v1/quizzes"]["post"]["requestBody"]["content"]["application/json"];

const start: CreateBody = { size: 5, topics: ["subgradients"], seed: 42, max_tries: 2 };
const answer: AnswerSubmit = { position: 1, response: { type: "numeric", dne: true } };

export function firstStem(quiz: QuizCreated): string {
  const item: PublicItem | undefined = quiz.items[0];
  return item ? `${item.position}: ${item.stem} (${item.type}, ${item.points} points)` : "";
}

export function shape(result: ReluValue): number[] {
  return result.shape;
}

export async function begin(baseUrl: string): Promise<string> {
  const quiz = await unwrap(createClient(baseUrl).POST("/v1/quizzes", { body: start }));
  return quiz.token;
}

// A learner's item has no field that could carry a key.
// @ts-expect-error: "key" does not exist on PublicItem
export const leak = (item: PublicItem) => item.key;

// A response has the fields of its own type only.
// @ts-expect-error: a numeric response has no "choice"
export const misread: AnswerSubmit = { position: 1, response: { type: "numeric", choice: "a" } };

export { start, answer };
"""


def test_typescript_client_types_check(tmp_path: Path) -> None:
    # .mts: ES modules, as the package is.
    usage, readme = tmp_path / "usage.mts", tmp_path / "readme.mts"
    usage.write_text(USAGE.replace("SRC", (TS / "src").as_posix()))
    index = (TS / "src" / "index.js").as_posix()
    readme.write_text(readme_block("ts").replace('"relu-service-client"', f'"{index}"'))
    checked = subprocess.run(
        [
            TS / "node_modules" / ".bin" / "tsc",
            "--noEmit",
            "--strict",
            "--noUncheckedIndexedAccess",
            "--target",
            "es2022",
            "--module",
            "nodenext",
            "--moduleResolution",
            "nodenext",
            usage,
            readme,
        ],
        cwd=TS,
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
