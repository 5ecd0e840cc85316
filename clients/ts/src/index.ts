/**
 * A typed client of the ReLU reference service: openapi-fetch over the types that
 * openapi-typescript generates from the service's OpenAPI document (./schema.ts).
 */
import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];
export type ReluClient = Client<paths>;

export interface Options extends Omit<ClientOptions, "baseUrl"> {
  /** A quiz's token, or the admin key: sent as `Authorization: Bearer <token>` on every call. */
  token?: string;
}

/** A client of the service at baseUrl, e.g. "http://127.0.0.1:8000". */
export function createClient(baseUrl: string, options: Options = {}): ReluClient {
  const { token, ...rest } = options;
  const client = createFetchClient<paths>({ ...rest, baseUrl });
  if (token !== undefined) {
    client.use(bearer(token));
  }
  return client;
}

/** Middleware that sends `Authorization: Bearer <token>` on every request. */
export function bearer(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}

/** A call the service refused: its status and the RFC 9457 problem document it answered. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${status}: ${describe(problem)}`);
    this.name = "ServiceError";
  }
}

function describe(problem: unknown): string {
  if (typeof problem === "object" && problem !== null) {
    const { detail, title } = problem as { detail?: unknown; title?: unknown };
    for (const text of [detail, title]) {
      if (typeof text === "string" && text) {
        return text;
      }
    }
  }
  return JSON.stringify(problem) ?? "no body";
}

/**
 * The body of a call that answers with one; a ServiceError when the service refuses it:
 * `const quiz = await unwrap(client.POST("/v1/quizzes", { body: { size: 5 } }))`.
 */
export async function unwrap<Data>(
  call: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    throw new ServiceError(response.status, error);
  }
  return data;
}
