package io.llmops.observability.internal.model;

/** A failure as recorded on a span: type, message and a bounded stack trace. Internal. */
public record ErrorInfo(String type, String message, String stackTrace) {

  /** The {@code error} field: {@code "Type: message"}. */
  public String summary() {
    return message == null || message.isEmpty() ? type : type + ": " + message;
  }
}
