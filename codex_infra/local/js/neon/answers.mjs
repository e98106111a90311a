// Answers as Neon's proxy gives them (neondatabase/neon, proxy/src/serverless/sql_over_http.rs):
// JSON, open to any origin; a failure carries PostgreSQL's error fields, with code and severity
// empty when PostgreSQL did not say.
import { Response } from "miniflare";

const NULLABLE = [
  "detail", "hint", "position", "internalPosition", "internalQuery", "where", "table", "column",
  "schema", "dataType", "constraint", "file", "line", "routine",
];

export const MAX_BYTES = 10 * 1024 * 1024; // Neon's default request and response bound (10 MiB)

/** A refusal of the request itself: the status Neon answers it with, and what it says. A bare
 * one is answered with those fields only (Neon's answer to a cancelled query has no others). */
export class Refusal extends Error {
  constructor(status, message, fields = {}, bare = false) {
    super(message);
    this.status = status;
    this.fields = fields;
    this.bare = bare;
  }

  answer() {
    const body = { message: this.message, ...this.fields };
    return this.bare ? json(this.status, body) : failure(this.status, body);
  }
}

export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "access-control-allow-origin": "*", ...headers },
  });
}

/** pg's DatabaseError (or any error) as Neon's error body. */
export function failure(status, error) {
  const body = { message: error.message, code: error.code ?? "", severity: error.severity ?? "" };
  for (const key of NULLABLE) body[key] = error[key] ?? null;
  return json(status, body);
}
