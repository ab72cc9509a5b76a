package io.llmops.observability.otlp.internal;

import io.llmops.observability.spi.SdkLog;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An environment name as Langfuse stores it (its {@code normalizeEnvironment}): lower case,
 * leading {@code langfuse}, {@code langfuse-} and {@code langfuse_} removed (repeatedly), at most
 * 40 characters, and {@code default} when the rest is not {@code ^[a-z0-9-_]+$}. Normalising here
 * rather than leaving it to Langfuse lets the SDK say what it changed: one warning per distinct
 * value (the names of a few environments, never a secret), for at most {@value #MAX_WARNED}
 * values.
 */
public final class LangfuseEnvironment {

  static final int MAX_LENGTH = 40;
  private static final int MAX_WARNED = 64;
  private static final Pattern VALID = Pattern.compile("^[a-z0-9_-]+$");
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private LangfuseEnvironment() {}

  /** The name Langfuse would store for {@code environment}; warns once when it differs. */
  public static String normalise(String environment) {
    String name = environment.toLowerCase(Locale.ROOT);
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String prefix : new String[] {"langfuse-", "langfuse_", "langfuse"}) {
        if (name.startsWith(prefix)) {
          name = name.substring(prefix.length());
          stripped = true;
          break;
        }
      }
    }
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    if (!VALID.matcher(name).matches()) {
      name = "default";
    }
    if (!name.equals(environment) && WARNED.size() < MAX_WARNED && WARNED.add(environment)) {
      SdkLog.warn("Langfuse stores the environment \"" + shown(environment) + "\" as \"" + name
          + "\" (lower case, no 'langfuse' prefix, at most 40 characters of a-z, 0-9, - and _); "
          + "set LLMOPS_ENV to a name of that form to keep it as written");
    }
    return name;
  }

  private static String shown(String environment) {
    return environment.length() <= 64 ? environment : environment.substring(0, 64) + "…";
  }
}
