// Run by Bun, Deno (and Node, for the reference) in a folder where the packed tarball is installed:
// the checks, with OPENROUTER_API_KEY and OPENROUTER_BASE_URL (the emulator) read from the environment.
import * as openrouter from "@langchain/openrouter";
import { z } from "zod";
import { runChecks } from "./checks.mjs";

console.log(JSON.stringify({ resolved: import.meta.resolve("@langchain/openrouter"), ...(await runChecks(openrouter, z)) }));
