package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.spring.boot.LlmopsRequestIdentityResolver;
import io.llmops.observability.spring.boot.LlmopsRequestIdentityResolver.Identity;
import java.security.Principal;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One request as the application's resolver sees it. Internal. */
record ResolverRequest(Object nativeRequest, @Nullable Principal principal,
    Function<String, @Nullable String> headers, Identity defaults)
    implements LlmopsRequestIdentityResolver.Request {

  @Override
  public @Nullable String header(String name) {
    return headers.apply(name);
  }
}
