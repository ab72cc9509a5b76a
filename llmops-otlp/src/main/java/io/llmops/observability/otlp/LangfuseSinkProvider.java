package io.llmops.observability.otlp;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.otlp.internal.OtlpKeys;
import io.llmops.observability.otlp.internal.OtlpTarget;
import io.llmops.observability.otlp.internal.TargetSinkProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sink named {@code langfuse}: traces to Langfuse's OTLP endpoint, and the scores of their
 * evaluation spans to its scores API ({@code LANGFUSE_PUBLIC_KEY}, {@code LANGFUSE_SECRET_KEY},
 * {@code LANGFUSE_BASE_URL} or {@code LANGFUSE_HOST}). The specification's direct mode: used
 * without {@code LLMOPS_SINKS} when a Langfuse key is set and no SQS queue ({@code AWS_SQS_URL})
 * is. The keys are checked when preparing: only one of the two set fails with an
 * {@link IllegalArgumentException} naming the missing variable (never a value); none set gives a
 * sink that logs "Langfuse not configured" once and fails every export. Registered with
 * {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class LangfuseSinkProvider extends TargetSinkProvider {

  public static final String NAME = "langfuse";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SettingKey<?>> settings() {
    return OtlpKeys.LANGFUSE;
  }

  /**
   * True when a Langfuse key is set and {@code AWS_SQS_URL} is not: with both keys traces go
   * there; with one, configuring fails naming the missing key.
   */
  @Override
  public boolean enabledByDefault(LlmopsConfig config) {
    boolean anyKey = config.raw(OtlpSettings.LANGFUSE_PUBLIC_KEY).isPresent()
        || config.raw(OtlpSettings.LANGFUSE_SECRET_KEY).isPresent();
    return anyKey && config.raw("AWS_SQS_URL").isEmpty();
  }

  @Override
  protected @Nullable OtlpTarget target(LlmopsConfig config) {
    return OtlpTarget.langfuse(config);
  }
}
