// What every tour section gets: where to send requests, and how to print.
import type { ChatOpenRouter, ChatOpenRouterFields } from "../src/index.js";

export interface TourContext {
  /** True when running against the real API (OPENROUTER_API_KEY set). */
  live: boolean;
  /** Base URL for ChatOpenRouter (the emulator's, or OpenRouter's). */
  baseURL: string;
  /** Base URL that selects an emulator scenario (falls back to `baseURL` when live). */
  baseURLFor(scenario: string): string;
  apiKey: string;
  /** A model on the tour's endpoint: the docs' options plus baseURL/apiKey. */
  model(fields: ChatOpenRouterFields): ChatOpenRouter;
  /** Prints a labelled value readably (continuation lines indented under the label). */
  show(label: string, value: unknown): void;
  /** Writes streamed text as it comes, its continuation lines indented as show's. */
  write(text: string): void;
}

export interface TourSection {
  title: string;
  run(context: TourContext): Promise<void>;
}
