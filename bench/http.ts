import http from 'node:http';

/**
 * A small HTTP client for the load generator: keep-alive sockets, a cookie jar per virtual user,
 * and the body size. node:http rather than fetch because its cost per request is lower and the
 * load generator shares the machine's two cores with the server it measures.
 */
export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Req {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const agents = new Map<string, http.Agent>();
function agentFor(origin: string): http.Agent {
  let agent = agents.get(origin);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    agents.set(origin, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const a of agents.values()) a.destroy();
  agents.clear();
}

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async send(req: Req): Promise<Reply> {
    const url = new URL(req.path, this.origin);
    const headers: Record<string, string> = { ...req.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const reply = await new Promise<Reply>((resolve, reject) => {
      const r = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method ?? 'GET', headers, agent: agentFor(this.origin) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
    for (const c of reply.headers['set-cookie'] ?? []) {
      const pair = c.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return reply;
  }

  async get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.send({ path, headers });
  }

  /** Signs in through next-auth's credentials endpoint, as the login form does. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = JSON.parse((await this.get('/api/auth/csrf')).body.toString()) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: 'true' }).toString();
    const r = await this.send({
      method: 'POST',
      path: '/api/auth/callback/credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (![...this.cookies.keys()].some((k) => k.includes('session-token'))) {
      throw new Error(`sign-in failed for ${email}: HTTP ${r.status} ${r.body.toString().slice(0, 200)}`);
    }
  }

  /**
   * Calls a server action the way the browser's JavaScript does: `Next-Action` header and the
   * arguments encoded by React (`encodeReply`): the form's fields under `_1_…`, the argument list
   * under `0` (a `useActionState` action receives the previous state, then the form data).
   */
  async action(path: string, actionId: string, fields: Record<string, string>, opts: { withState?: boolean } = {}): Promise<Reply> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
    // React writes the argument list last: the server resolves `$K1` against the parts already read.
    form.set('0', JSON.stringify(opts.withState === false ? ['$K1'] : [null, '$K1']));
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.send({
      method: 'POST',
      path,
      headers: {
        accept: 'text/x-component',
        'next-action': actionId,
        'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data',
        origin: this.origin,
      },
      body,
    });
  }
}

export function isOk(r: Reply): boolean {
  return r.status >= 200 && r.status < 400;
}
