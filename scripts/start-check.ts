// What the start checks (check:start-private, check:start-stop) and the fresh-server e2e spec
// share: a free loopback port, and `npm start` run as a terminal runs it (its own process group,
// Ctrl-C sent to the whole group), watched until it says it serves.
import { spawn } from "node:child_process";
import net from "node:net";

/** A port nobody listens on now (the machine is shared; fixed ports collide). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
};

export type NpmStart = {
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** True once it says "Sourcemark is running at"; false if it exits or 20 minutes pass first. */
  ready: Promise<boolean>;
  /** Its exit code; an exit by the SIGINT it was sent counts as 0, as after Ctrl-C in a terminal. */
  exited: Promise<number | null>;
  /** Ctrl-C to the whole group, then SIGKILL if it has not exited within `timeoutMs`. */
  stop: (timeoutMs: number) => Promise<number | null | "timeout">;
};

export function startNpmStart(cwd: string, env: NodeJS.ProcessEnv, { echo = false } = {}): NpmStart {
  const child = spawn("npm", ["start"], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal === "SIGINT" ? 0 : code)),
  );
  const ready = new Promise<boolean>((resolve) => {
    const onData = (chunk: Buffer) => {
      if (echo) process.stdout.write(chunk);
      output += chunk.toString();
      if (output.includes("Sourcemark is running at")) resolve(true);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => resolve(false));
    setTimeout(() => resolve(false), 20 * 60_000).unref();
  });
  return {
    output: () => output,
    ready,
    exited,
    async stop(timeoutMs) {
      signalGroup(child.pid!, "SIGINT");
      const code = await Promise.race([
        exited,
        new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs)),
      ]);
      if (code === "timeout") signalGroup(child.pid!, "SIGKILL");
      return code;
    },
  };
}

/** Runs a check and ends the process with one PASS or FAIL line. */
export function runCheck(name: string, check: () => Promise<{ ok: boolean; message: string }>): void {
  const done = (ok: boolean, message: string): never => {
    console.log(`\n${name}: ${ok ? "PASS" : "FAIL"}: ${message}`);
    process.exit(ok ? 0 : 1);
  };
  check().then(
    (result) => done(result.ok, result.message),
    (error: unknown) => done(false, error instanceof Error ? error.message.split("\n")[0]! : String(error)),
  );
}
