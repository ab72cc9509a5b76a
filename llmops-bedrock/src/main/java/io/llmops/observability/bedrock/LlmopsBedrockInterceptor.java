package io.llmops.observability.bedrock;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.bedrock.internal.BedrockCall;
import io.llmops.observability.bedrock.internal.Operation;
import io.llmops.observability.bedrock.internal.Prompts;
import io.llmops.observability.bedrock.internal.TappedPublisher;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.JudgeCalls;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;

/**
 * Records every Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream call of a
 * {@code BedrockRuntimeClient} or {@code BedrockRuntimeAsyncClient} as a generation span: model
 * id and prompt from the request; response text, token usage, stop reason and tool calls from
 * the response (so cost for priced models); duration as latency; for streams, the time to first
 * token. Register it on the client builder:
 *
 * <pre>{@code
 * BedrockRuntimeClient bedrock = BedrockRuntimeClient.builder()
 *     .overrideConfiguration(c -> c.addExecutionInterceptor(new LlmopsBedrockInterceptor()))
 *     .build();
 * }</pre>
 *
 * <p>The span is a child of the span current on the calling thread, or the root of an implicit
 * trace. Responses are read without being consumed: the caller gets exactly what the SDK gave.
 * Streams are observed by decoding a copy of the bytes the caller's handler receives; their span
 * ends when the stream completes or breaks off, or when the SDK reports the call of a stream it
 * cancelled (failed, with the exception the caller gets, unless the caller cancelled it). The
 * span's model is the requested model id. Other operations and other services' requests pass
 * untouched, and so do the calls of {@code llmops-evals}' Bedrock judge (their
 * override configuration names the API {@value JudgeCalls#API_NAME}): judging is not the
 * application's work. The interceptor never throws: a failure of its own is logged (once a
 * minute at most) and the call goes on unrecorded.
 *
 * <p>Thread-safe: one instance may serve every call of a client, on any thread; each call keeps
 * its own state in its {@code ExecutionAttributes}.
 */
public final class LlmopsBedrockInterceptor implements ExecutionInterceptor {

  /** Where the call's state lives between the SDK's callbacks. */
  static final ExecutionAttribute<BedrockCall> CALL = new ExecutionAttribute<>("io.llmops.bedrock.call");

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    try {
      if (attributes.getAttribute(CALL) != null) {
        return; // another instance (say the global one and a client's own) already records it
      }
      SdkRequest request = context.request();
      if (judgeCall(request)) {
        return;
      }
      Operation operation;
      String modelId;
      String prompt;
      if (request instanceof ConverseRequest r) {
        operation = Operation.CONVERSE;
        modelId = r.modelId();
        prompt = Prompts.converse(r.system(), r.messages());
      } else if (request instanceof ConverseStreamRequest r) {
        operation = Operation.CONVERSE_STREAM;
        modelId = r.modelId();
        prompt = Prompts.converse(r.system(), r.messages());
      } else if (request instanceof InvokeModelRequest r) {
        operation = Operation.INVOKE_MODEL;
        modelId = r.modelId();
        prompt = Prompts.invokeModel(r.body());
      } else if (request instanceof InvokeModelWithResponseStreamRequest r) {
        operation = Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM;
        modelId = r.modelId();
        prompt = Prompts.invokeModel(r.body());
      } else {
        return;
      }
      Span span = Llmops.generation(operation.spanName()).model(modelId).prompt(prompt)
          .metadata("llm.provider", "aws.bedrock").startDetached();
      // after the span's start, so that the time to the first token never exceeds its duration
      long start = System.nanoTime();
      attributes.putAttribute(CALL, new BedrockCall(this, operation, span, modelId, start));
    } catch (RuntimeException | LinkageError e) {
      logged(e);
    }
  }

  /** The LLM-as-judge's own calls ({@code llmops-evals} names them) are not the application's. */
  private static boolean judgeCall(SdkRequest request) {
    return request.overrideConfiguration()
        .map(o -> o.apiNames().stream().anyMatch(api -> JudgeCalls.API_NAME.equals(api.name())))
        .orElse(false);
  }

  @Override
  public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<Publisher<ByteBuffer>> body = context.responsePublisher();
    try {
      BedrockCall call = mine(attributes);
      if (call == null || !call.operation().streaming() || body.isEmpty() || call.ended()
          || !context.httpResponse().isSuccessful()) {
        return body;
      }
      call.streamStarted();
      return Optional.of(new TappedPublisher(body.get(), call));
    } catch (RuntimeException | LinkageError e) {
      logged(e);
      return body;
    }
  }

  /**
   * Bedrock reports the token counts of every InvokeModel call in these headers, including for
   * providers whose bodies carry none (Cohere Command, Mistral).
   */
  static final String INPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Input-Token-Count";
  static final String OUTPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Output-Token-Count";

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    try {
      BedrockCall call = mine(attributes);
      if (call == null) {
        return;
      }
      SdkResponse response = context.response();
      if (response instanceof InvokeModelResponse invoke) {
        SdkBytes body = invoke.body();
        call.useHeaderTokenCounts(
            context.httpResponse().firstMatchingHeader(INPUT_TOKENS_HEADER).orElse(null),
            context.httpResponse().firstMatchingHeader(OUTPUT_TOKENS_HEADER).orElse(null));
        call.endWith(body == null ? null : body.asByteArrayUnsafe());
      } else if (call.operation().streaming()) {
        call.endStream(); // a completed stream has ended it already; a cancelled one ends now
      } else {
        call.endWith(response);
      }
    } catch (RuntimeException | LinkageError e) {
      logged(e);
      end(attributes);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    try {
      BedrockCall call = mine(attributes);
      if (call != null) {
        call.endWithFailure(context.exception());
      }
    } catch (RuntimeException | LinkageError e) {
      logged(e);
      end(attributes);
    }
  }

  private BedrockCall mine(ExecutionAttributes attributes) {
    BedrockCall call = attributes.getAttribute(CALL);
    return call != null && call.ownedBy(this) ? call : null;
  }

  /** Last resort after a failure of our own: the span still ends. */
  private void end(ExecutionAttributes attributes) {
    try {
      BedrockCall call = mine(attributes);
      if (call != null) {
        call.endWith(null);
      }
    } catch (RuntimeException | LinkageError ignored) {
      // already logged
    }
  }

  private static void logged(Throwable e) {
    SdkLog.errorOnce("bedrock.interceptor", "llmops: the Bedrock interceptor failed; the call is not recorded", e);
  }
}
