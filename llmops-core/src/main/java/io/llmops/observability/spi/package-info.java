/**
 * The service-provider interfaces that modules and integrations implement or call: sink
 * providers ({@link io.llmops.observability.spi.SinkProvider}, which create the sinks of {@code
 * io.llmops.observability.export} and declare their settings as {@link
 * io.llmops.observability.SettingKey}s), readers of typed model responses
 * ({@link io.llmops.observability.spi.LlmResponseReader}) and evaluators of annotated
 * generations ({@link io.llmops.observability.spi.EvaluationHandler}, handed over by {@link
 * io.llmops.observability.spi.EvaluationHandOff}); the one implementation of an annotated
 * method's call ({@link io.llmops.observability.spi.AnnotatedCall} of an {@link
 * io.llmops.observability.spi.AnnotatedMethod}), which the agent and Spring AOP both use; and what integration modules call on
 * the running SDK instead of its internals: its log ({@link io.llmops.observability.spi.SdkLog}),
 * counters ({@link io.llmops.observability.spi.SdkCounters}), clock ({@link
 * io.llmops.observability.spi.SdkClock}), span hooks ({@link
 * io.llmops.observability.spi.SpanHooks}), context hand-off ({@link
 * io.llmops.observability.spi.ContextHandOff}), redaction ({@link
 * io.llmops.observability.spi.Redaction}), tasks at JVM exit ({@link
 * io.llmops.observability.spi.ExitTasks}) and its identity ({@link
 * io.llmops.observability.spi.SdkInfo}, {@link io.llmops.observability.spi.JudgeCalls}).
 * Every public type here is API; implementations are found with {@link java.util.ServiceLoader}
 * where the type says so. No module other than llmops-core may use an {@code internal} package
 * (ModulesUseOnlyTheSpiTest).
 *
 * <p><b>Absent values.</b> The package is
 * {@link org.jspecify.annotations.NullMarked @NullMarked}: null is allowed only where
 * {@link org.jspecify.annotations.Nullable @Nullable} says so, for what the SDK passes and for
 * what an implementation returns.
 *
 * <p><b>Exceptions.</b> Implementations must not throw: a reader answers null, a sink reports
 * a failure with {@link io.llmops.observability.export.ExportResult#failure}. What an implementation throws anyway is caught, counted and logged by
 * the SDK and never reaches the application; only a provider's {@code create} and {@code prepare}
 * may throw {@code IllegalArgumentException} for invalid settings, which fails {@code
 * Llmops.configure}.
 *
 * <p>The static classes a module calls ({@code SdkLog}, {@code SdkCounters}, {@code SdkClock}, {@code SpanHooks}, {@code
 * ContextHandOff}, {@code Redaction}) never throw; {@code ExitTasks.add} throws {@link IllegalArgumentException} for a null
 * task.
 *
 * <p><b>Threads.</b> Each interface says from which threads the SDK calls it; the static classes
 * are thread-safe.
 */
@NullMarked
package io.llmops.observability.spi;

import org.jspecify.annotations.NullMarked;
