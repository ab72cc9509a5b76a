package com.example.unwoven;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TrackLlmCall;

/** An application class whose annotated method runs with no agent: it traces by hand inside. */
public class AnnotatedService {

  @TrackLlmCall(name = "answer")
  public String answer(String question) {
    try (Span span = Llmops.span("retrieve").start()) {
      return "about " + question;
    }
  }

  public String plain(String question) {
    try (Span span = Llmops.span("retrieve").start()) {
      return "about " + question;
    }
  }
}
