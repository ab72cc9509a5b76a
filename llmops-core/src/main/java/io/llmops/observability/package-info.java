/**
 * The public API of the SDK: configuration ({@link io.llmops.observability.Llmops}, {@link
 * io.llmops.observability.LlmopsConfig}), traces ({@link io.llmops.observability.TraceManager}),
 * spans ({@link io.llmops.observability.SpanBuilder}, {@link io.llmops.observability.Span}), the
 * context that carries them across threads ({@link io.llmops.observability.LlmopsContext}), model
 * responses and prices ({@link io.llmops.observability.LlmResponse}, {@link
 * io.llmops.observability.Pricing}), evaluations, transactions, crawl telemetry and the
 * {@code @Track*} annotations that {@code llmops-agent} weaves.
 *
 * <h2>What is API</h2>
 *
 * <p>Every public type and member of this package is API, except the member documented as "for
 * the SDK's own modules" and {@link io.llmops.observability.LlmopsEngine}, the engine's side of
 * the facades. {@code LlmopsConfig.get(SettingKey)} is API: it reads the SDK's settings ({@link
 * io.llmops.observability.LlmopsSettings}) and a module's own ({@link
 * io.llmops.observability.SettingKey}). Sinks are in {@code io.llmops.observability.export}, what
 * modules build on in {@code io.llmops.observability.spi}. Packages named {@code internal} are
 * not API and may change in any release; this package refers to none of them but the bottom
 * one ({@code internal.common}: argument checks, saturated sums, locating the engine by name),
 * so it never depends on the engine (PackageCyclesTest).
 *
 * <h2>Absent values</h2>
 *
 * <p>The package is {@link org.jspecify.annotations.NullMarked @NullMarked}: a parameter, return
 * value or record component may be null only where it is annotated {@link
 * org.jspecify.annotations.Nullable @Nullable}, and the Javadoc says what null means there
 * (usually "absent", "unknown" or "leave as it is"). One policy:
 *
 * <ul>
 *   <li>An absent value is null, never an empty string: a call that starts or records something
 *       returns its id, or null when nothing was started or recorded ({@code
 *       TraceManager.startTrace}, {@code Transactions.startTransaction}, {@code
 *       Llmops.recordEvaluation}, {@code CrawlTelemetry.startCrawlSession}, ...), and {@code
 *       TraceManager.currentTraceId()} is null without a trace.
 *   <li>{@link java.util.Optional} only as the answer of a look-up whose whole job is to find
 *       something ({@code Pricing.price}, {@code LlmopsConfig.raw}); never as a parameter or a
 *       field.
 *   <li>Collections are never null: absent means empty.
 *   <li>The one exception is a property of a {@link io.llmops.observability.Span}: a span always
 *       has ids, and the no-op span (tracing disabled) answers empty strings, so that code
 *       holding a span never meets null (as OpenTelemetry's invalid span ids are not null).
 * </ul>
 *
 * <h2>Exceptions</h2>
 *
 * <ul>
 *   <li>Builders, value objects and the static entry points that take arguments validate them:
 *       an invalid argument (a null where the type does not allow one, a blank name, a negative
 *       count, a bad configuration value) raises {@link IllegalArgumentException} whose message
 *       names the parameter or the configuration variable. Each method that can throw says when,
 *       with {@code @throws IllegalArgumentException}. No other exception leaves the SDK.
 *   <li>Runtime objects never throw: a started {@link io.llmops.observability.Span}, a {@link
 *       io.llmops.observability.Scope}, a {@link io.llmops.observability.Transaction}, a {@link
 *       io.llmops.observability.CrawlSession}, and the facade calls without an {@code @throws}
 *       clause (finalizing, the current span or trace, statistics). An argument they cannot use
 *       (say a null name) is ignored; a failure of the SDK's own is counted ({@code
 *       internal.errors}), logged and swallowed, and tracing goes on as a no-op where it must.
 *   <li>Exceptions of the application's own code run inside the SDK ({@link
 *       io.llmops.observability.SpanBuilder#call}, {@link io.llmops.observability.SpanBuilder#run},
 *       {@link io.llmops.observability.Transactions#call}, woven methods) are rethrown unchanged.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>Each type states its thread safety. In short: the static facades ({@code Llmops}, {@code
 * TraceManager}, {@code Transactions}, {@code CrawlTelemetry}, {@code Pricing}) and the runtime
 * objects are thread-safe; value objects ({@code LlmopsContext}, {@code LlmopsConfig}, {@code
 * Evaluation}, {@code LlmResponse}, ...) are immutable; builders are not thread-safe and belong to
 * the thread that fills them.
 */
@NullMarked
package io.llmops.observability;

import org.jspecify.annotations.NullMarked;
