import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { strictSchemaProblem, toWireJsonSchemaFormat } from "./to_wire_response_format.js";
import { toJsonSchemaObject } from "./to_wire_tools.js";

const MOVIE = {
  type: "object",
  properties: { title: { type: "string" }, year: { type: "number" } },
  required: ["title", "year"],
  additionalProperties: false,
};

describe("toWireJsonSchemaFormat", () => {
  it("builds json_schema with name, schema and only the options given", () => {
    expect(toWireJsonSchemaFormat(MOVIE, { name: "movie" })).toEqual({ type: "json_schema", json_schema: { name: "movie", schema: MOVIE } });
    expect(toWireJsonSchemaFormat(MOVIE, { name: "movie", description: "A film", strict: true })).toEqual({
      type: "json_schema",
      json_schema: { name: "movie", description: "A film", schema: MOVIE, strict: true },
    });
  });
});

describe("strictSchemaProblem: what OpenAI's strict mode would reject", () => {
  it("accepts Zod 3 and Zod 4 objects whose fields are all required", () => {
    expect(strictSchemaProblem(MOVIE)).toBeUndefined();
    expect(strictSchemaProblem(toJsonSchemaObject(z.object({ a: z.string(), b: z.object({ c: z.number().nullable() }) }), "s"))).toBeUndefined();
    expect(strictSchemaProblem(toJsonSchemaObject(z3.object({ a: z3.string(), b: z3.array(z3.object({ c: z3.number() })) }), "s"))).toBeUndefined();
  });

  it("names an optional property and where it is", () => {
    expect(strictSchemaProblem(toJsonSchemaObject(z.object({ a: z.string(), b: z.string().optional() }), "s"))).toBe(
      "$.b is optional, and strict mode needs every property required"
    );
    expect(strictSchemaProblem(toJsonSchemaObject(z.object({ a: z.object({ deep: z.number().optional() }) }), "s"))).toMatch(/^\$\.a\.deep is optional/);
  });

  it("needs additionalProperties: false on every object", () => {
    expect(strictSchemaProblem({ type: "object", properties: { a: { type: "string" } }, required: ["a"] })).toBe("$ needs additionalProperties: false");
    expect(
      strictSchemaProblem({ ...MOVIE, properties: { ...MOVIE.properties, cast: { type: "array", items: { type: "object", properties: {} } } }, required: ["title", "year", "cast"] })
    ).toBe("$.cast[] needs additionalProperties: false");
  });

  it("needs an object root", () => {
    expect(strictSchemaProblem({ anyOf: [MOVIE] })).toBe("the root ($) must be an object");
  });
});
