// A Cloudflare Worker (module syntax), bundled by esbuild from a folder where the packed tarball is
// installed and served by workerd (test/runtimes/workerd.test.ts): each request runs the checks
// against the emulator at the OPENROUTER_BASE_URL binding and answers their JSON.
import * as openrouter from "@langchain/openrouter";
import { z } from "zod";
import { runChecks } from "./checks.mjs";

export default {
  async fetch(_request, env) {
    try {
      const results = await runChecks(openrouter, z, { apiKey: "sk-or-v1-workerd-test", baseURL: env.OPENROUTER_BASE_URL });
      return Response.json({ hasProcess: typeof process !== "undefined", ...results });
    } catch (error) {
      return new Response(error instanceof Error ? (error.stack ?? error.message) : String(error), { status: 500 });
    }
  },
};
