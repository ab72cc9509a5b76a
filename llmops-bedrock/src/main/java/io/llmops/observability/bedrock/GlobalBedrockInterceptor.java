package io.llmops.observability.bedrock;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The interceptor the AWS SDK adds to <em>every</em> client it builds, because this jar lists it
 * in {@code software/amazon/awssdk/global/handlers/execution.interceptors}. It does nothing unless
 * {@code LLMOPS_BEDROCK_AUTO=true} (environment variable, or system property
 * {@code llmops.bedrock.auto} / {@code LLMOPS_BEDROCK_AUTO}) when the client is built and the
 * Bedrock Runtime SDK is on the class path; then it records Bedrock Runtime calls exactly as a
 * {@link LlmopsBedrockInterceptor} registered on the builder would. Registering both records each
 * call once. Other services' clients (SQS, S3...) pass through untouched either way.
 *
 * <p>No method throws. Thread-safe: the SDK calls one instance from every thread its client
 * serves.
 */
public final class GlobalBedrockInterceptor implements ExecutionInterceptor {

  /** The switch, as an environment variable or system property. */
  public static final String SWITCH = "LLMOPS_BEDROCK_AUTO";
  /** The switch as a lower-case system property. */
  public static final String SWITCH_PROPERTY = "llmops.bedrock.auto";

  private final ExecutionInterceptor delegate;

  public GlobalBedrockInterceptor() {
    this.delegate = enabled() ? bedrockInterceptor() : null;
  }

  /** Whether the switch is on in this process. */
  public static boolean enabled() {
    String value = System.getProperty(SWITCH_PROPERTY);
    if (value == null) {
      value = System.getProperty(SWITCH);
    }
    if (value == null) {
      value = System.getenv(SWITCH);
    }
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /** Null when the Bedrock Runtime SDK is absent: clients of other services then never see it. */
  private static ExecutionInterceptor bedrockInterceptor() {
    try {
      Class.forName("software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest", false,
          GlobalBedrockInterceptor.class.getClassLoader());
      return new LlmopsBedrockInterceptor();
    } catch (ClassNotFoundException | LinkageError absent) {
      return null;
    }
  }

  /** Whether this instance records (the switch was on and the SDK present when it was built). */
  public boolean active() {
    return delegate != null;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (delegate != null) {
      delegate.beforeExecution(context, attributes);
    }
  }

  @Override
  public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return delegate != null ? delegate.modifyAsyncHttpResponseContent(context, attributes)
        : context.responsePublisher();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (delegate != null) {
      delegate.afterExecution(context, attributes);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (delegate != null) {
      delegate.onExecutionFailure(context, attributes);
    }
  }
}
