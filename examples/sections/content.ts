// Nothing lost: reasoning (and sending it back), citations, a PDF, an image, audio, cost.
import { HumanMessage } from "@langchain/core/messages";
import type { TourSection } from "../tour_context.js";

export const content: TourSection = {
  title: "Content: reasoning, citations, a PDF, an image, audio",
  async run({ model: create, show }) {
    // reasoning: readable as a v1 block, kept raw (signatures included) for the next turn
    const thinker = create({ model: "anthropic/claude-sonnet-4.5", reasoning: { max_tokens: 1024 }, maxTokens: 2048 });
    const question = new HumanMessage("What is 2 + 2?");
    const answer = await thinker.invoke([question]);
    show("reasoning block", answer.contentBlocks.find((block) => block.type === "reasoning"));
    show("reasoning_details types", (answer.additional_kwargs["reasoning_details"] as { type: string }[] | undefined)?.map((detail) => detail.type));
    show("reasoning tokens", answer.usage_metadata?.output_token_details?.reasoning);
    const next = await thinker.invoke([question, answer, new HumanMessage("And doubled?")]);
    show("second turn (reasoning sent back verbatim)", next.text);

    // citations from OpenRouter's web search server tool
    const searcher = create({ model: "openai/gpt-4o-mini" });
    const cited = await searcher.invoke("Who maintains LangChain.js? Answer in one sentence.", {
      tools: [{ type: "openrouter:web_search", parameters: { max_results: 2 } }],
    });
    const text = cited.contentBlocks.find((block) => block.type === "text");
    show("answer", cited.text);
    show(
      "citations",
      (text?.["annotations"] as { url?: string; title?: string }[] | undefined)?.map(({ url, title }) => ({ url, title }))
    );
    show("cost (USD, incl. search)", (cited.response_metadata["usage"] as { cost?: number } | undefined)?.cost);

    // a PDF by URL, parsed by the file-parser plugin
    const reader = create({ model: "openai/gpt-4o-mini", plugins: [{ id: "file-parser", pdf: { engine: "cloudflare-ai" } }] });
    const pdf = await reader.invoke([
      new HumanMessage({
        contentBlocks: [
          { type: "text", text: "Summarise this PDF in one sentence." },
          { type: "file", url: "https://bitcoin.org/bitcoin.pdf", mimeType: "application/pdf" },
        ],
      }),
    ]);
    show("PDF summary", pdf.text);
    show(
      "parsed file",
      (pdf.additional_kwargs["annotations"] as { type: string; file?: { name?: string } }[] | undefined)
        ?.filter((annotation) => annotation.type === "file")
        .map((annotation) => annotation.file?.name)
    );

    // an image, generated
    const painter = create({ model: "google/gemini-2.5-flash-image-preview", modalities: ["image", "text"] });
    const drawing = await painter.invoke("Draw a small red square.");
    const image = drawing.contentBlocks.find((block) => block.type === "image");
    show("image block", image ? { type: image.type, mimeType: image["mimeType"], url: `${String(image["url"]).slice(0, 48)}…` } : "none");

    // audio out: OpenRouter streams it only, so invoke streams by itself; the clip is a v1 audio block
    const speaker = create({ model: "openai/gpt-4o-audio-preview", modalities: ["text", "audio"], audio: { voice: "alloy", format: "wav" } });
    const spoken = await speaker.invoke("Say hello.");
    const clip = spoken.contentBlocks.find((block) => block.type === "audio") as Record<string, unknown> | undefined;
    const extras = clip?.["extras"] as Record<string, unknown> | undefined;
    show("audio block", clip ? { mimeType: clip["mimeType"], bytes: Buffer.from(String(clip["data"]), "base64").length, transcript: extras?.["transcript"] } : "none");
  },
};
