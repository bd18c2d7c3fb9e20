// OpenRouter's model id grammar, where a client has to resolve one against a model list: variants
// (`author/slug:nitro`), presets on a model (`author/slug@preset/name`) and `~author/family-latest`
// aliases, which "always redirect to the latest model in the family" (api.md §7).

// a slug's version and release tokens, which a `~author/family-latest` alias leaves out
const VERSION_TOKEN = /^(\d[\d.]*[a-z]?|preview|exp|latest|\d{4}-\d\d-\d\d)$/;

/** `claude-opus-4.5` → `claude-opus`; `gemini-3-pro-preview` → `gemini-pro`; `gpt-5.2-chat` → `gpt-chat`. */
function familyOf(name: string): string {
  return name
    .split("-")
    .filter((token) => !VERSION_TOKEN.test(token))
    .join("-");
}

/**
 * The id `~author/family-latest` stands for among `ids`: the first of the author's models in that
 * family (`GET /models` lists models newest first, so the first is the latest); undefined when the
 * id is no such alias or no model matches.
 */
export function latestModelId(alias: string, ids: Iterable<string>): string | undefined {
  if (!alias.startsWith("~")) return undefined;
  const slash = alias.indexOf("/");
  if (slash <= 1 || !alias.endsWith("-latest")) return undefined;
  const author = alias.slice(1, slash + 1);
  const family = familyOf(alias.slice(slash + 1));
  for (const id of ids) {
    if (id.startsWith(author) && !id.includes(":") && familyOf(id.slice(author.length)) === family) return id;
  }
  return undefined;
}

/** The model a slug names once its preset (`@preset/…`) is set aside, and the base model of a variant (`:nitro`). */
export function modelIdParts(slug: string): { model: string; base: string } {
  const preset = slug.indexOf("@preset/");
  const model = preset > 0 ? slug.slice(0, preset) : slug;
  const colon = model.indexOf(":");
  return { model, base: colon > 0 ? model.slice(0, colon) : model };
}
