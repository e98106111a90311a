// Neon's SQL over HTTP (`POST /sql`), as its proxy serves it: one statement, or a batch in one
// transaction, on a pooled connection that logs in with the connection string's own credentials.
// Request and answer shapes: neondatabase/neon, proxy/src/serverless/{sql_over_http,json,error}.rs.
import { connect } from "node:net";
import { Response } from "miniflare";
import pg from "pg";
import { DatabaseError, serialize } from "pg-protocol";
import { MAX_BYTES, Refusal, failure, json } from "./answers.mjs";
import { ARRAY_TYPES, textToJson } from "./values.mjs";

const ISOLATION = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE",
};
const AS_SENT = { getTypeParser: () => (text) => text }; // every value as PostgreSQL's text
const AUTH_FAILED = new Set(["28P01", "28000"]);
const DISCARD_AFTER_CANCEL_MS = 1000;
const PREFLIGHT = {
  allow: "OPTIONS, POST",
  "access-control-allow-origin": "*",
  "access-control-allow-headers":
    "Authorization, Neon-Connection-String, Neon-Raw-Text-Output, Neon-Array-Mode, Neon-Pool-Opt-In, " +
    "Neon-Batch-Read-Only, Neon-Batch-Isolation-Level",
  "access-control-max-age": "86400",
};

export class SqlOverHttp {
  /** `config`: the server, the hosts and databases served, the limits (see bridge.mjs). */
  constructor(config) {
    this.config = config;
    this.pools = new Map(); // one per user, password and database
  }

  async answer(request) {
    try {
      if (request.method === "OPTIONS") return new Response(null, { status: 200, headers: PREFLIGHT });
      if (request.method !== "POST") return json(400, "query is not supported");
      const target = this.#target(request.headers);
      const options = headerOptions(request.headers);
      const payload = await readPayload(request);
      const answer = await this.#run(target, payload, options);
      return json(200, answer, "queries" in payload ? options.echo : {});
    } catch (error) {
      if (error instanceof Refusal) return error.answer();
      if (error instanceof DatabaseError) return failure(400, error);
      return failure(500, { message: String(error?.message ?? error) });
    }
  }

  async close() {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map(({ pool }) => pool.end()));
  }

  /** The connection string's login, checked as Neon's proxy checks it (error.rs, ConnInfoError). */
  #target(headers) {
    const text = headers.get("neon-connection-string");
    if (text === null) throw new Refusal(400, "invalid header: neon-connection-string");
    if (headers.has("authorization")) {
      throw new Refusal(400, "authToken (JWT) logins are not served locally: give the connection string a password");
    }
    let url;
    try {
      url = new URL(text);
    } catch (error) {
      throw new Refusal(400, `invalid connection string: ${error.message}`);
    }
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") throw new Refusal(400, "incorrect scheme");
    if (!url.hostname) throw new Refusal(400, "missing hostname");
    const database = decodeURIComponent(url.pathname.slice(1));
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    if (!database) throw new Refusal(400, "missing database name");
    if (!user) throw new Refusal(400, "missing username");
    if (!password) throw new Refusal(400, "missing authentication credentials: required password");
    const { hosts, databases, server } = this.config;
    if (!hosts.includes(url.hostname) || (url.port !== "" && Number(url.port) !== server.port)) {
      throw new Refusal(400, `invalid hostname: ${url.host} is not this environment's database`);
    }
    if (!databases.includes(database)) throw unknownDatabase(database, databases);
    const application_name = url.searchParams.get("application_name") ?? undefined;
    return { user, password, database, application_name };
  }

  #pool(target) {
    const key = JSON.stringify([target.user, target.password, target.database]);
    let entry = this.pools.get(key);
    if (entry === undefined) {
      const { server, limits } = this.config;
      const pool = new pg.Pool({
        ...target,
        host: server.host,
        port: server.port,
        max: limits.http_connections,
        idleTimeoutMillis: limits.idle_ms,
        connectionTimeoutMillis: limits.wait_ms,
        types: AS_SENT,
      });
      pool.on("error", () => {}); // an idle connection that dies just leaves the pool
      entry = { key, pool, arrays: undefined };
      this.pools.set(key, entry);
    }
    return entry;
  }

  async #connect(entry) {
    try {
      return await entry.pool.connect();
    } catch (error) {
      if (AUTH_FAILED.has(error.code)) {
        this.pools.delete(entry.key); // a wrong password keeps no pool
        void entry.pool.end();
      }
      if (error instanceof DatabaseError || !/timeout/i.test(error.message)) throw error;
      throw new Refusal(400, "sorry, too many clients already", {
        code: "53300",
        severity: "FATAL",
        hint: `the local endpoint opens at most ${this.config.limits.http_connections} connections for HTTP queries`,
      });
    }
  }

  async #run(target, payload, options) {
    const entry = this.#pool(target);
    const client = await this.#connect(entry);
    const bound = new Bound(client, this.config);
    let reusable = false;
    try {
      if (!options.raw) entry.arrays ??= await arrayTypes(client);
      const convert = { ...options, arrays: entry.arrays };
      const answer = "queries" in payload
        ? await transaction(client, payload.queries, convert, bound)
        : await statement(client, payload, convert, bound);
      reusable = client.getTransactionStatus() === "I"; // Neon discards a session left in a transaction
      return answer;
    } catch (error) {
      if (!bound.expired) throw error;
      throw new Refusal(400, "Query cancelled, connection was terminated", { code: "08P01" }, true);
    } finally {
      bound.clear();
      client.release(!reusable || bound.expired);
    }
  }
}

function unknownDatabase(database, databases) {
  return new Refusal(400, `database "${database}" does not exist`, {
    code: "3D000",
    severity: "FATAL",
    hint: `this environment's Neon endpoint serves ${databases.join(", ")}`,
  });
}

/** The request's time bound: past it the statement is cancelled (PostgreSQL's cancel request),
 * and the connection cut if the cancel does not end it. */
class Bound {
  constructor(client, { server, limits }) {
    this.expired = false;
    const cancel = () => {
      this.expired = true;
      const socket = connect(server.port, server.host, () =>
        socket.end(serialize.cancel(client.processID, client.secretKey)),
      );
      socket.on("error", () => {});
    };
    this.timers = [
      setTimeout(cancel, limits.query_ms),
      setTimeout(() => client.connection.stream.destroy(), limits.query_ms + DISCARD_AFTER_CANCEL_MS),
    ];
  }

  clear() {
    this.timers.forEach(clearTimeout);
  }
}

async function arrayTypes(client) {
  const { rows } = await client.query({ text: ARRAY_TYPES, types: pg.types });
  return new Map(rows.map(({ oid, element }) => [oid, element]));
}

function headerOptions(headers) {
  const level = headers.get("neon-batch-isolation-level");
  const isolation = level === null ? undefined : ISOLATION[level];
  if (level !== null && isolation === undefined) throw new Refusal(400, "invalid isolation level");
  const readOnly = headers.get("neon-batch-read-only") === "true";
  const deferrable = headers.get("neon-batch-deferrable") === "true";
  const echo = {
    ...(readOnly && { "neon-batch-read-only": "true" }),
    ...(deferrable && { "neon-batch-deferrable": "true" }),
    ...(isolation && { "neon-batch-isolation-level": level }),
  };
  return {
    raw: headers.get("neon-raw-text-output") === "true",
    arrayMode: headers.get("neon-array-mode") === "true",
    isolation,
    readOnly,
    deferrable,
    echo,
  };
}

async function readPayload(request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const body = declared > MAX_BYTES ? null : Buffer.from(await request.arrayBuffer());
  if (body === null || body.length > MAX_BYTES) {
    throw new Refusal(413, `request is too large (max is ${MAX_BYTES} bytes)`);
  }
  let payload;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new Refusal(400, `could not parse the HTTP request body: ${error.message}`);
  }
  const single = statementData(payload);
  if (single !== undefined) return single;
  const batch = Array.isArray(payload?.queries) ? payload.queries.map(statementData) : [undefined];
  if (batch.includes(undefined)) {
    throw new Refusal(400, "could not parse the HTTP request body: data did not match any variant of untagged enum Payload");
  }
  return { queries: batch };
}

function statementData(data) {
  if (typeof data?.query !== "string" || !(data.params === undefined || Array.isArray(data.params))) {
    return undefined;
  }
  return { query: data.query, params: (data.params ?? []).map(paramText), arrayMode: data.arrayMode };
}

/** A JSON parameter as the text PostgreSQL gets (json.rs, json_to_pg_text). */
function paramText(value) {
  if (value === null) return null;
  if (typeof value === "string") return value;
  return Array.isArray(value) ? arrayText(value) : JSON.stringify(value);
}

function arrayText(value) {
  if (value === null) return "NULL";
  if (Array.isArray(value)) return `{${value.map(arrayText).join(",")}}`;
  return JSON.stringify(typeof value === "object" ? JSON.stringify(value) : value);
}

async function transaction(client, queries, options, bound) {
  const mode = [
    options.isolation && `ISOLATION LEVEL ${options.isolation}`,
    options.readOnly && "READ ONLY",
    options.deferrable && "DEFERRABLE",
  ];
  await client.query(["BEGIN", ...mode.filter(Boolean)].join(" "));
  try {
    const results = [];
    for (const each of queries) results.push(await statement(client, each, options, bound));
    await client.query("COMMIT");
    return { results };
  } catch (error) {
    if (!bound.expired) await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** One statement over the extended protocol, as Neon runs it (text values, a single statement).
 * Rows are counted as they arrive; past the response bound the answer is Neon's 507. */
function statement(client, { query, params, arrayMode }, options, bound) {
  const asArray = arrayMode ?? options.arrayMode;
  return new Promise((resolve, reject) => {
    const rows = [];
    let bytes = 0;
    let dropped = false;
    const submitted = client.query(
      new pg.Query({ text: query, values: params, rowMode: "array", queryMode: "extended", types: AS_SENT }),
    );
    submitted.on("row", (row, { fields }) => {
      if (dropped) return;
      const values = options.raw ? row : row.map((text, i) => textToJson(text, fields[i].dataTypeID, options.arrays));
      const entry = asArray ? values : Object.fromEntries(fields.map((field, i) => [field.name, values[i]]));
      bytes += JSON.stringify(entry).length + 1;
      if (bytes > MAX_BYTES) {
        dropped = true;
        bound.clear();
        reject(new Refusal(507, `response is too large (max is ${MAX_BYTES} bytes)`));
        return;
      }
      rows.push(entry);
    });
    submitted.on("error", reject);
    submitted.on("end", (result) =>
      resolve({
        fields: result.fields.map((field) => ({
          name: field.name,
          dataTypeID: field.dataTypeID,
          tableID: field.tableID,
          columnID: field.columnID,
          dataTypeSize: field.dataTypeSize,
          dataTypeModifier: field.dataTypeModifier,
          format: "text",
        })),
        command: result.command,
        rowCount: result.rowCount,
        rows,
        rowAsArray: asArray,
      }),
    );
  });
}
