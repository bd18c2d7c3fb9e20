// The tour's sections, in order. Each feature issue adds its own file here.
import type { TourSection } from "../tour_context.js";
import { chat } from "./chat.js";
import { content } from "./content.js";
import { errors } from "./errors.js";
import { platform } from "./platform.js";
import { reliability } from "./reliability.js";
import { responsesApi } from "./responses_api.js";
import { routing } from "./routing.js";
import { streamEvents } from "./stream_events.js";
import { tools } from "./tools.js";

export const SECTIONS: TourSection[] = [chat, streamEvents, routing, tools, content, responsesApi, errors, reliability, platform];
