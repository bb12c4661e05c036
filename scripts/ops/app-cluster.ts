// Several production instances of the app (scripts/serve.ts over the current `next build`) on
// loopback ports, nginx in front of them, and an HTTP client that keeps a session cookie.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { waitFor } from "./pg-cluster.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OPS_DIR = process.env.SOURCEMARK_OPS_DIR ?? "/var/tmp/sourcemark-ops";

export type Instance = {
  port: number;
  url: string;
  process: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
};

export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => log.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (chunk: Buffer) => log.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok,
      90_000,
      `the app on port ${port}`,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}; its last lines:\n${log.slice(-10).join("\n")}`);
  }
  return { port, url, process: child, log, exited };
}

export async function stopInstance(instance: Instance, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (instance.process.exitCode !== null) return instance.process.exitCode;
  instance.process.kill(signal);
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 30_000));
  const result = await Promise.race([instance.exited, timeout]);
  if (result === "timeout") {
    instance.process.kill("SIGKILL");
    return null;
  }
  return result;
}

export type Nginx = { url: string; process: ChildProcess; stop(): Promise<void> };

/** nginx on `port` balancing over `upstreams` (round robin), config written under /var/tmp. */
export async function startNginx(port: number, upstreams: number[]): Promise<Nginx> {
  const prefix = path.join(OPS_DIR, `nginx-${port}`);
  mkdirSync(path.join(prefix, "logs"), { recursive: true });
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n");
  const conf = `
worker_processes 1;
error_log ${prefix}/logs/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 256; }
http {
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  # Keep a caller's X-Request-Id (the app checks its shape), else make one.
  map $http_x_request_id $sourcemark_request_id {
    default $http_x_request_id;
    "" $request_id;
  }
  upstream sourcemark {
${servers}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 30m;
    location / {
      proxy_pass http://sourcemark;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $sourcemark_request_id;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`;
  const file = path.join(prefix, "nginx.conf");
  writeFileSync(file, conf);
  const child = spawn("nginx", ["-p", prefix, "-c", file, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok,
    20_000,
    "nginx",
  );
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** One POST to next-auth's credentials endpoint, with the CSRF token and cookie it asks for. */
async function postCredentials(base: string, email: string, password: string): Promise<Response> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
}

/** Signs in with email and password through next-auth's credentials endpoint; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await postCredentials(base, email, password);
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed with ${response.status}`);
  return session;
}

/** One credentials sign-in attempt without keeping a session: null when it worked, else next-auth's error code. */
export async function trySignIn(base: string, email: string, password: string): Promise<string | null> {
  const response = await postCredentials(base, email, password);
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return body.url ? new URL(body.url).searchParams.get("error") : `HTTP ${response.status}`;
}
