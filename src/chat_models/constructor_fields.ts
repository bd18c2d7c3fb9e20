// The constructor's two forms, `new ChatOpenRouter({ model, … })` and `new ChatOpenRouter("vendor/model", { … })`,
// read into one options object, refusing a model given twice.
import type { ChatOpenRouterFields } from "./options.js";

/** The constructor's arguments as one options object; the model may come first, as a string. */
export function constructorFields(modelOrFields: unknown, moreFields: unknown): { fields: ChatOpenRouterFields; model: string } {
  const fields = fieldsOf(modelOrFields, moreFields);
  const model = fields.model ?? fields.modelName;
  if (model === undefined) {
    throw new TypeError('ChatOpenRouter needs a model: new ChatOpenRouter({ model: "openai/gpt-4o" }). See https://openrouter.ai/models.');
  }
  return { fields, model };
}

function fieldsOf(modelOrFields: unknown, moreFields: unknown): ChatOpenRouterFields {
  const usage = 'new ChatOpenRouter({ model: "openai/gpt-4o" }) or new ChatOpenRouter("openai/gpt-4o", { temperature: 0 })';
  if (typeof modelOrFields === "string") {
    if (moreFields !== undefined && (typeof moreFields !== "object" || moreFields === null)) {
      throw new TypeError(`ChatOpenRouter's second argument must be an options object: ${usage}.`);
    }
    const rest = (moreFields ?? {}) as ChatOpenRouterFields;
    for (const given of [rest.model, rest.modelName]) {
      if (given !== undefined && given !== modelOrFields) {
        throw new TypeError(`ChatOpenRouter got two models, "${modelOrFields}" and "${String(given)}": give the model once.`);
      }
    }
    return { ...rest, model: modelOrFields };
  }
  if (typeof modelOrFields !== "object" || modelOrFields === null) throw new TypeError(`ChatOpenRouter needs options: ${usage}.`);
  const fields = modelOrFields as ChatOpenRouterFields;
  if (fields.model !== undefined && fields.modelName !== undefined && fields.model !== fields.modelName) {
    throw new TypeError(`ChatOpenRouter got "model" ${JSON.stringify(fields.model)} and its alias "modelName" ${JSON.stringify(fields.modelName)}: give one.`);
  }
  return fields;
}
