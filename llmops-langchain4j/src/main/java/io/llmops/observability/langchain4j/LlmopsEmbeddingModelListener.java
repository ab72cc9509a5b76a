package io.llmops.observability.langchain4j;

import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.langchain4j.internal.Guard;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every call of a LangChain4j {@code EmbeddingModel} as a generation span named
 * {@code embedding}: the model, the texts embedded (input {@code texts}), how many vectors of
 * which dimension came back, and the input tokens (and cost, when the model has a price). Add it
 * with {@code embeddingModel.addListener(new LlmopsEmbeddingModelListener())}.
 */
public final class LlmopsEmbeddingModelListener implements EmbeddingModelListener {

  private static final String SPAN_ATTRIBUTE = LlmopsEmbeddingModelListener.class.getName();

  @Override
  public void onRequest(EmbeddingModelRequestContext context) {
    Guard.run("embedding request", () -> {
      List<String> texts = new ArrayList<>();
      for (EmbeddingInput input : context.embeddingRequest().inputs()) {
        texts.add(input.text());
      }
      String model = context.embeddingRequest().modelName();
      Span span = Llmops.generation("embedding")
          .model(model == null ? context.embeddingModel().modelName() : model)
          .metadata("llm.framework", "langchain4j")
          .metadata("llm.operation", "embedding")
          .input("texts", texts)
          .startDetached();
      context.attributes().put(SPAN_ATTRIBUTE, span);
    });
  }

  @Override
  public void onResponse(EmbeddingModelResponseContext context) {
    Guard.run("embedding response", () -> {
      if (!(context.attributes().remove(SPAN_ATTRIBUTE) instanceof Span span)) {
        return;
      }
      EmbeddingResponse response = context.embeddingResponse();
      if (response.modelName() != null) {
        span.setModel(response.modelName());
      }
      span.setMetadata("embedding.count", response.embeddings().size());
      if (!response.embeddings().isEmpty()) {
        span.setMetadata("embedding.dimensions", response.embeddings().get(0).dimension());
      }
      TokenUsage usage = response.tokenUsage();
      if (usage != null && usage.inputTokenCount() != null) {
        span.setUsage(usage.inputTokenCount(), 0);
      }
      span.end();
    });
  }

  @Override
  public void onError(EmbeddingModelErrorContext context) {
    Guard.run("embedding error", () -> {
      if (context.attributes().remove(SPAN_ATTRIBUTE) instanceof Span span) {
        span.recordException(context.error());
        span.end();
      }
    });
  }
}
