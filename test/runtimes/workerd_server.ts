// Serves one Worker module with workerd: writes its config beside the bundle, starts `workerd serve`
// on 127.0.0.1 with a port the system picks, and waits for workerd to say (on its control pipe) that
// it listens. The Worker may reach loopback addresses only (the emulator), nothing else.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export interface WorkerdOptions {
  /** The bundled Worker (ES module); the config is written in the same folder. */
  bundle: string;
  compatibilityDate: string;
  compatibilityFlags: readonly string[];
  /** Text bindings, read by the Worker from `env`. */
  bindings: Record<string, string>;
}

export interface WorkerdServer {
  url: string;
  /** What workerd wrote to stderr so far (its warnings, a Worker's uncaught errors). */
  stderr(): string;
  close(): Promise<void>;
}

const quoted = (text: string) => JSON.stringify(text);

function configFor(options: WorkerdOptions): string {
  const bindings = Object.entries(options.bindings).map(([name, text]) => `(name = ${quoted(name)}, text = ${quoted(text)})`);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ${quoted(basename(options.bundle))})],
  compatibilityDate = ${quoted(options.compatibilityDate)},
  compatibilityFlags = [${options.compatibilityFlags.map(quoted).join(", ")}],
  bindings = [${bindings.join(", ")}],
  globalOutbound = "loopback",
);
`;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

export async function startWorkerd(binary: string, options: WorkerdOptions): Promise<WorkerdServer> {
  const config = join(dirname(options.bundle), `${basename(options.bundle, ".js")}.capnp`);
  writeFileSync(config, configFor(options));
  // fd 3: workerd's control pipe, where it reports {"event":"listen","socket":"http","port":N}
  const child = spawn(binary, ["serve", config, "--control-fd=3"], { cwd: dirname(config), stdio: ["ignore", "ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const close = async () => {
    child.kill();
    await exited(child);
  };
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdio[3] as Readable }).on("line", (line) => {
      const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
      if (event.event === "listen" && event.socket === "http" && event.port) resolve(event.port);
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`workerd exited (${code ?? signal}) before listening:\n${stderr}`)));
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}/`, stderr: () => stderr, close };
}
