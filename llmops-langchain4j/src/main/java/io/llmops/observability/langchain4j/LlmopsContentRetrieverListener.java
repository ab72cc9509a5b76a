package io.llmops.observability.langchain4j;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverErrorContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverListener;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverRequestContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverResponseContext;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.langchain4j.internal.Guard;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every retrieval of a LangChain4j {@code ContentRetriever} (the RAG step of an AI
 * service) as a retrieval span: a {@code span} named {@code retrieval} with
 * {@code metadata["span.kind"] = "retrieval"}, the query as input {@code query}, the retrieved
 * texts as output and their number as {@code retrieval.documents}. Add it with {@code
 * retriever.addListener(new LlmopsContentRetrieverListener())}.
 */
public final class LlmopsContentRetrieverListener implements ContentRetrieverListener {

  private static final String SPAN_ATTRIBUTE = LlmopsContentRetrieverListener.class.getName();

  @Override
  public void onRequest(ContentRetrieverRequestContext context) {
    Guard.run("retrieval request", () -> {
      Span span = Llmops.span("retrieval")
          .metadata("span.kind", "retrieval")
          .metadata("llm.framework", "langchain4j")
          .metadata("retrieval.retriever", context.contentRetriever().getClass().getSimpleName())
          .input("query", context.query().text())
          .startDetached();
      context.attributes().put(SPAN_ATTRIBUTE, span);
    });
  }

  @Override
  public void onResponse(ContentRetrieverResponseContext context) {
    Guard.run("retrieval response", () -> {
      if (context.attributes().remove(SPAN_ATTRIBUTE) instanceof Span span) {
        List<String> texts = new ArrayList<>();
        for (Content content : context.contents()) {
          texts.add(content.textSegment() == null ? null : content.textSegment().text());
        }
        span.setMetadata("retrieval.documents", texts.size());
        span.setOutput(texts);
        span.end();
      }
    });
  }

  @Override
  public void onError(ContentRetrieverErrorContext context) {
    Guard.run("retrieval error", () -> {
      if (context.attributes().remove(SPAN_ATTRIBUTE) instanceof Span span) {
        span.recordException(context.error());
        span.end();
      }
    });
  }
}
