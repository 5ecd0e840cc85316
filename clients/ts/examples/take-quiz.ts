/**
 * Take a whole quiz against a running server: start it, answer every item with a response
 * of the item's type, finish it, and print the score and the feedback.
 *
 *   npm run build && node dist/examples/take-quiz.js --base-url http://127.0.0.1:8000 --size 5
 */
import { parseArgs } from "node:util";

import { createClient, type Schemas, unwrap } from "../src/index.js";

type AnswerResponse = Schemas["AnswerSubmit"]["response"];

/** A well-formed response to the item (not necessarily a right one). */
function responseFor(
  item: Pick<Schemas["PublicItem"], "type" | "choices" | "length">,
): AnswerResponse {
  const [first] = item.choices;
  switch (item.type) {
    case "single_choice":
      return { type: item.type, choice: first?.id ?? "" };
    case "multiple_choice":
      return { type: item.type, choices: first ? [first.id] : [] };
    case "true_false":
      return { type: item.type, value: false };
    case "numeric":
      return { type: item.type, value: 0 };
    case "interval":
      return { type: item.type, lower: 0, upper: 1 };
    case "point_set":
      return { type: item.type, values: [0] };
    case "one_sided_pair":
      return { type: item.type, left: 0, right: 1 };
    case "vector":
      return { type: item.type, values: Array.from({ length: item.length ?? 0 }, () => 0) };
  }
}

function integer(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`--${option} takes an integer, not ${JSON.stringify(text)}`);
  }
  return value;
}

function firstLine(text: string, width = 72): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      "base-url": { type: "string", default: "http://127.0.0.1:8000" },
      size: { type: "string", default: "5" },
      seed: { type: "string" },
    },
  });
  const baseUrl = args["base-url"];
  const body: Schemas["QuizCreate"] = { size: integer("size", args.size) };
  if (args.seed !== undefined) {
    body.seed = integer("seed", args.seed);
  }

  const quiz = await unwrap(createClient(baseUrl).POST("/v1/quizzes", { body }));
  console.log(`quiz ${quiz.id}: ${quiz.items.length} items, ${quiz.max_tries} tries each`);

  // Every call on the quiz carries its token.
  const client = createClient(baseUrl, { token: quiz.token });
  const path = { quiz_id: quiz.id };
  for (const item of quiz.items) {
    const response = responseFor(item);
    const result = await unwrap(
      client.POST("/v1/quizzes/{quiz_id}/answers", {
        params: { path },
        body: { position: item.position, response },
      }),
    );
    console.log(`${item.position}. [${item.type}] ${firstLine(item.stem)}`);
    console.log(`   answered ${JSON.stringify(response)}: ${result.score} of ${result.max_score}`);
    console.log(`   ${firstLine(result.feedback)}`);
  }

  const summary = await unwrap(
    client.POST("/v1/quizzes/{quiz_id}/finish", { params: { path } }),
  );
  for (const topic of summary.topics) {
    console.log(`${topic.topic}: ${topic.score} of ${topic.max_score}`);
  }
  const percent = Math.round(summary.fraction * 100);
  console.log(`finished: ${summary.total} of ${summary.maximum} points (${percent}%)`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
