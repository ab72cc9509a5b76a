package io.llmops.observability.testing;

import java.util.List;

/**
 * For a child JVM whose log no test reads: the option that gives it the build's test logging
 * (the root's test-logging.properties, which the parent pom sets for every test JVM), so that
 * what it logs lands in the module's {@code target/test-jul.log} instead of on the build's
 * console through the standard error it inherits. Anything else it prints still shows. A child
 * whose log a test asserts on must not take it.
 */
public final class ChildJvmLogging {

  private static final String CONFIG = "java.util.logging.config.file";

  private ChildJvmLogging() {}

  /** The JVM options to add: none when the test JVM runs without the build's configuration. */
  public static List<String> sameAsThisJvm() {
    String file = System.getProperty(CONFIG);
    return file == null ? List.of() : List.of("-D" + CONFIG + "=" + file);
  }
}
