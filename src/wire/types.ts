// OpenRouter's wire shapes: one import path for every layer (convert may import only this file).
export type * from "./request_types.js";
export type * from "./response_types.js";
export type * from "./responses_types.js";
