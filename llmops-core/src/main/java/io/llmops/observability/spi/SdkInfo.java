package io.llmops.observability.spi;

import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's name and version, as written in each message's {@code sdk_name} and {@code
 * sdk_version}; modules use them in user agents and client names.
 */
public final class SdkInfo {

  public static final String NAME = "llmops-observability-java";
  public static final String VERSION = readVersion();

  private SdkInfo() {}

  private static String readVersion() {
    try (InputStream in = SdkInfo.class.getResourceAsStream(
        "/io/llmops/observability/llmops-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("sdk.version", "unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }
}
