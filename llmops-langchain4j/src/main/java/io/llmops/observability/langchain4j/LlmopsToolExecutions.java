package io.llmops.observability.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolExecution;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.langchain4j.internal.Guard;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Records the tool executions of a LangChain4j AI service as tool spans: the tool's name, its
 * arguments (input {@code arguments}), its result (output), {@code llm.tool_call_id} (which links
 * the span to the generation that asked for the call) and, when the tool failed, an error
 * status. The span is current while the tool runs, so what the tool records nests under it.
 *
 * <pre>{@code
 * Assistant assistant = LlmopsToolExecutions.traceTools(AiServices.builder(Assistant.class))
 *     .chatModel(model).tools(new WeatherTools()).build();
 * }</pre>
 */
public final class LlmopsToolExecutions {

  /** LangChain4j runs before- and after-execution on the thread that runs the tool. */
  private static final ThreadLocal<Deque<Span>> RUNNING = ThreadLocal.withInitial(ArrayDeque::new);

  private LlmopsToolExecutions() {}

  /** Registers the tool recording on {@code builder} (replacing its before/after hooks). */
  public static <T> AiServices<T> traceTools(AiServices<T> builder) {
    return builder.beforeToolExecution(LlmopsToolExecutions::before)
        .afterToolExecution(LlmopsToolExecutions::after);
  }

  /** For {@code AiServices.beforeToolExecution}, when the application has its own hook too. */
  public static void before(BeforeToolExecution execution) {
    Guard.run("tool execution", () -> {
      ToolExecutionRequest request = execution.request();
      Span span = Llmops.tool(request.name())
          .metadata("llm.framework", "langchain4j")
          .metadata("llm.tool_call_id", request.id())
          .input("arguments", request.arguments())
          .start();
      RUNNING.get().push(span);
    });
  }

  /** For {@code AiServices.afterToolExecution}, when the application has its own hook too. */
  public static void after(ToolExecution execution) {
    Guard.run("tool execution", () -> {
      Deque<Span> running = RUNNING.get();
      Span span = running.poll();
      if (running.isEmpty()) {
        RUNNING.remove();
      }
      if (span == null) {
        return;
      }
      span.setOutput(execution.result());
      if (execution.hasFailed()) {
        span.setStatusMessage(execution.result());
        span.setLevel(SpanLevel.ERROR);
      }
      span.close();
    });
  }
}
