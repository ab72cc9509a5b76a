package io.llmops.observability.internal.model;

/**
 * A failure as recorded on a span: type, message and a bounded stack trace. The message and the
 * stack trace may run a little past their export limits: the export redacts them, then cuts
 * them. Internal.
 */
public record ErrorInfo(String type, String message, String stackTrace) {}
