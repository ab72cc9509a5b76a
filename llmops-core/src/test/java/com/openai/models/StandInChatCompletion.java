package com.openai.models;

/**
 * A stand-in in the OpenAI Java SDK's package, for the core's tests, which run without that SDK:
 * the core recognises the well-known SDKs' types by package name only. Its own class name, so
 * that it never shadows a real SDK class on a module's test class path.
 */
public final class StandInChatCompletion {

  @Override
  public String toString() {
    return "ChatCompletion{usage=CompletionUsage{promptTokens=1500, completionTokens=800}}";
  }
}
