package io.llmops.observability.spi;

import java.util.logging.Logger;

/**
 * Whether a record logged now would be lost because the JVM is exiting and
 * {@code java.util.logging}, the JDK's default backend of {@link System.Logger}, has already
 * removed its handlers ({@code LogManager.reset()} in its own shutdown hook). Not API.
 */
final class ExitLogging {

  private static final String JDK_LOGGING_FINDER = "sun.util.logging.internal.LoggingProviderImpl";

  private ExitLogging() {}

  static boolean handlersRemovedAtExit(String loggerName) {
    return System.LoggerFinder.getLoggerFinder().getClass().getName().equals(JDK_LOGGING_FINDER)
        && noHandlerFor(loggerName) && jvmExiting();
  }

  private static boolean noHandlerFor(String loggerName) {
    for (Logger logger = Logger.getLogger(loggerName); logger != null;
        logger = logger.getUseParentHandlers() ? logger.getParent() : null) {
      if (logger.getHandlers().length > 0) {
        return false;
      }
    }
    return true;
  }

  /** True once shutdown hooks run: the runtime then refuses new ones. */
  private static boolean jvmExiting() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
  }
}
