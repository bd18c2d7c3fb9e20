// Docs: Instantiation, Invocation, Streaming, Token usage metadata (streamed too), batch.
import { AIMessageChunk } from "@langchain/core/messages";
import { concat } from "@langchain/core/utils/stream";
import type { TourSection } from "../tour_context.js";

export const chat: TourSection = {
  title: "Chat: invoke, stream, batch, usage",
  async run({ model: create, show, write }) {
    const model = create({
      model: "anthropic/claude-sonnet-4.5",
      temperature: 0,
      maxTokens: 1024,
    });

    const aiMsg = await model.invoke([
      {
        role: "system",
        content:
          "You are a helpful assistant that translates English to French. Translate the user sentence.",
      },
      {
        role: "user",
        content: "I love programming.",
      },
    ]);
    show("invoke → content", aiMsg.content);
    show("served by", `${aiMsg.response_metadata["model_name"]} via ${aiMsg.response_metadata["provider"]}`);

    write("  stream → ");
    const stream = await model.stream("Write a short poem about the sea.");
    for await (const chunk of stream) {
      write(typeof chunk.content === "string" ? chunk.content : "");
    }
    console.log();

    const joke = await model.invoke("Tell me a joke.");
    show("usage_metadata (invoke)", joke.usage_metadata);

    const usageStream = await model.stream("Tell me a joke.");
    let finalMsg: AIMessageChunk | undefined;
    for await (const chunk of usageStream) {
      finalMsg = finalMsg ? concat(finalMsg, chunk) : chunk;
    }
    show("usage_metadata (stream, concatenated)", finalMsg?.usage_metadata);
    const usage = finalMsg?.response_metadata["usage"] as { cost?: number } | undefined;
    show("cost (USD, from OpenRouter)", usage?.cost);

    const prompts = ["What is 2 + 2?", "I love programming."];
    const answers = await model.batch(prompts);
    show("batch", answers.map((answer, index) => `${prompts[index]} → ${answer.content}`));
  },
};
