// Neon's SQL over WebSockets (`wss://<host>/v2`): the frames carry PostgreSQL's own protocol, no
// TLS inside. Neon's proxy asks for the password in clear (the socket itself is TLS), so the driver
// sends it with its first query. The bridge asks the same, logs in to PostgreSQL itself with that
// password (SCRAM, pg's implementation), and from PostgreSQL's AuthenticationOk on relays bytes.
import { once } from "node:events";
import { connect } from "node:net";
import { Response, WebSocketPair } from "miniflare";
import sasl from "pg/lib/crypto/sasl.js";
import utils from "pg/lib/crypto/utils.js";
import { serialize } from "pg-protocol";
import { Parser } from "pg-protocol/dist/parser.js";

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const CLEARTEXT_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]); // AuthenticationCleartextPassword
const ERROR = 0x45; // ErrorResponse
const AUTHENTICATION = 0x52;

export class SqlOverWebSocket {
  /** `config`: the server, the databases served, the limits (see bridge.mjs). */
  constructor(config) {
    this.config = config;
    this.sessions = new Set();
    this.slots = new Slots(config.limits.sockets);
  }

  accept() {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    const session = new Session(server, this.config, this.slots);
    this.sessions.add(session);
    void session.run().finally(() => this.sessions.delete(session));
    return new Response(null, { status: 101, webSocket: client });
  }

  close() {
    for (const session of this.sessions) session.end();
  }
}

class Closed extends Error {}

/** A PostgreSQL error as the client reads it: FATAL, then the socket closes. */
class Fatal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }

  get bytes() {
    const fields = [["S", "FATAL"], ["V", "FATAL"], ["C", this.code], ["M", this.message]];
    const body = Buffer.concat([...fields.map(([key, value]) => Buffer.from(`${key}${value}\0`)), Buffer.from([0])]);
    const head = Buffer.from([ERROR, 0, 0, 0, 0]);
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  }
}

/** Bytes from one side, taken as PostgreSQL frames them; then passed on as they come. */
class Inbox {
  #chunks = [];
  #size = 0;
  #wake = () => {};
  #closed = false;
  #forward = null;

  push(chunk) {
    if (this.#forward !== null) return this.#forward(chunk);
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    this.#wake();
  }

  close() {
    this.#closed = true;
    this.#wake();
  }

  async take(count) {
    while (this.#size < count) {
      if (this.#closed) throw new Closed();
      await new Promise((resolve) => (this.#wake = resolve));
    }
    const all = Buffer.concat(this.#chunks);
    this.#chunks = [all.subarray(count)];
    this.#size -= count;
    return all.subarray(0, count);
  }

  async message(typed) {
    const head = await this.take(typed ? 5 : 4);
    const body = await this.take(head.readInt32BE(typed ? 1 : 0) - 4);
    return { head, body, bytes: Buffer.concat([head, body]) };
  }

  /** From now on every chunk goes to `send`, starting with what is already here. */
  forward(send) {
    const rest = Buffer.concat(this.#chunks);
    this.#chunks = [];
    this.#forward = send;
    if (rest.length > 0) send(rest);
  }
}

/** At most `size` sessions hold a PostgreSQL connection; the others wait, each for a bounded time. */
class Slots {
  #free;
  #waiting = [];

  constructor(size) {
    this.#free = size;
  }

  acquire(waitMs) {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve(this.#release());
    }
    return new Promise((resolve, reject) => {
      const waiter = { resolve, timer: setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        reject(new Fatal("53300", "sorry, too many clients already"));
      }, waitMs) };
      this.#waiting.push(waiter);
    });
  }

  #release() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next === undefined) {
        this.#free += 1;
      } else {
        clearTimeout(next.timer);
        next.resolve(this.#release());
      }
    };
  }
}

class Session {
  constructor(ws, config, slots) {
    this.ws = ws;
    this.config = config;
    this.slots = slots;
    this.client = new Inbox();
    this.release = () => {};
    this.socket = null;
    this.ended = false;
    ws.addEventListener("message", ({ data }) => this.client.push(Buffer.from(data)));
    ws.addEventListener("close", () => this.end());
    ws.addEventListener("error", () => this.end());
  }

  async run() {
    try {
      const startup = await this.#startup();
      if (startup === null) return;
      const database = startup.params.database ?? startup.params.user;
      if (!this.config.databases.includes(database)) {
        throw new Fatal("3D000", `database "${database}" does not exist`);
      }
      this.#send(CLEARTEXT_PASSWORD);
      const password = await this.#password();
      this.release = await this.slots.acquire(this.config.limits.wait_ms);
      if (this.ended) return this.end(); // the client left while it waited
      await this.#login(startup, password);
    } catch (error) {
      if (!(error instanceof Closed)) {
        const fatal = error instanceof Fatal ? error : new Fatal("08006", String(error?.message ?? error));
        this.#send(fatal.bytes);
      }
      this.end();
    }
  }

  end() {
    this.ended = true;
    this.client.close();
    this.socket?.destroy();
    this.release();
    if (this.ws.readyState === 1) this.ws.close(1000);
  }

  #send(bytes) {
    if (this.ws.readyState === 1) this.ws.send(bytes);
  }

  /** The StartupMessage (SSL and GSS requests are declined, as a server without TLS does), or
   * null for a CancelRequest, which goes to PostgreSQL as it came. */
  async #startup() {
    for (;;) {
      const { body, bytes } = await this.client.message(false);
      const code = body.readInt32BE(0);
      if (code === SSL_REQUEST || code === GSS_REQUEST) {
        this.#send(Buffer.from("N"));
        continue;
      }
      if (code === CANCEL_REQUEST) {
        const socket = await this.#connect();
        socket.end(bytes);
        this.end();
        return null;
      }
      if (code >> 16 !== 3) throw new Fatal("08P01", `unsupported frontend protocol ${code >> 16}.${code & 0xffff}`);
      const pairs = body.subarray(4).toString("utf8").split("\0");
      const params = {};
      for (let i = 0; i + 1 < pairs.length && pairs[i] !== ""; i += 2) params[pairs[i]] = pairs[i + 1];
      if (!params.user) throw new Fatal("28000", "no PostgreSQL user name specified in startup packet");
      return { params, bytes };
    }
  }

  async #password() {
    const { head, body } = await this.client.message(true);
    if (head[0] !== 0x70) throw new Fatal("08P01", `expected password response, got message type ${head[0]}`);
    return body.subarray(0, body.length - 1).toString("utf8");
  }

  async #connect() {
    const { server, limits } = this.config;
    const socket = connect(server.port, server.host);
    socket.setNoDelay(true);
    const timer = setTimeout(() => socket.destroy(new Error("connecting to PostgreSQL timed out")), limits.wait_ms);
    try {
      await once(socket, "connect");
    } finally {
      clearTimeout(timer);
    }
    return socket;
  }

  /** The client's own StartupMessage to PostgreSQL, then the login PostgreSQL asks for. */
  async #login(startup, password) {
    const socket = await this.#connect();
    this.socket = socket;
    if (this.ended) return this.end();
    const server = new Inbox();
    socket.on("data", (chunk) => server.push(chunk));
    socket.on("close", () => {
      server.close();
      this.end();
    });
    socket.on("error", () => {});
    socket.write(startup.bytes);
    const user = startup.params.user;
    let scram;
    for (;;) {
      const { head, bytes } = await server.message(true);
      if (head[0] !== AUTHENTICATION) {
        this.#send(bytes); // a notice, or the error that ends the login
        if (head[0] === ERROR) return this.end();
        continue;
      }
      const message = parsed(bytes);
      switch (message.name) {
        case "authenticationOk": {
          // A session nobody uses ends, as on a Neon compute that scales to zero.
          const idle = setTimeout(() => this.end(), this.config.limits.session_idle_ms);
          socket.on("close", () => clearTimeout(idle));
          this.#send(bytes);
          server.forward((chunk) => {
            idle.refresh();
            this.#send(chunk);
          });
          this.client.forward((chunk) => {
            idle.refresh();
            socket.write(chunk);
          });
          return;
        }
        case "authenticationCleartextPassword":
          socket.write(serialize.password(password));
          break;
        case "authenticationMD5Password":
          socket.write(serialize.password(await utils.postgresMd5PasswordHash(user, password, message.salt)));
          break;
        case "authenticationSASL":
          scram = sasl.startSession(message.mechanisms);
          socket.write(serialize.sendSASLInitialResponseMessage(scram.mechanism, scram.response));
          break;
        case "authenticationSASLContinue":
          if (password === "") throw new Fatal("28P01", `password authentication failed for user "${user}"`);
          await sasl.continueSession(scram, password, message.data);
          socket.write(serialize.sendSCRAMClientFinalMessage(scram.response));
          break;
        case "authenticationSASLFinal":
          sasl.finalizeSession(scram, message.data);
          break;
        default:
          throw new Fatal("28000", `the local endpoint cannot log in with ${message.name}`);
      }
    }
  }
}

function parsed(bytes) {
  let message;
  new Parser().parse(bytes, (each) => (message = each));
  return message;
}
