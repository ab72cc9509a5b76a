package io.llmops.observability.spi;

import io.llmops.observability.internal.bridge.Bridge;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What an outbound call records of its URL, headers and bodies, with what must not leave the
 * process taken out before anything is cut: the URL's userinfo removed and its fragment dropped,
 * the query values of sensitive keys, the values of sensitive headers and of sensitive keys in a
 * body replaced by {@code [REDACTED]}. The core's secret detectors run on what remains when the
 * trace is exported, as on everything (on a body preview here already, before it is cut). Fails
 * closed: a part that cannot be redacted is not recorded (null), never recorded as is.
 */
final class HttpRedaction {

  static final String MASK = "[REDACTED]";
  /** At most this many headers are recorded per request or response. */
  private static final int MAX_HEADERS = 64;
  /** Headers whose value is a credential whatever the redaction keys say. */
  private static final List<String> SECRET_HEADERS = List.of("authorization",
      "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "x-auth-token",
      "x-amz-security-token", "x-goog-api-key", "x-csrf-token", "x-xsrf-token");

  private HttpRedaction() {}

  /**
   * The URL of {@code parts} as recorded: no userinfo, no fragment, sensitive query values
   * masked; or null.
   */
  static @Nullable String url(UrlParts parts) {
    try {
      StringBuilder out = new StringBuilder(64);
      out.append(parts.beforeAuthority()).append(parts.hostAndPort()).append(parts.path());
      if (parts.query() != null) {
        out.append('?').append(pairs(parts.query()));
      }
      return out.toString();
    } catch (RuntimeException | LinkageError e) {
      return failed(e);
    }
  }

  /** The headers, lower-cased, several values joined by {@code ", "}, credentials masked. */
  static @Nullable Map<String, String> headers(Consumer<BiConsumer<String, String>> source) {
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      source.accept((name, value) -> {
        if (name == null || value == null) {
          return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        String masked = sensitiveHeader(key) ? MASK : value;
        String known = headers.get(key);
        if (known != null) {
          headers.put(key, known.equals(MASK) ? MASK : known + ", " + masked);
        } else if (headers.size() < MAX_HEADERS) {
          headers.put(key, masked);
        }
      });
      return headers;
    } catch (RuntimeException | LinkageError e) {
      return failed(e);
    }
  }

  /**
   * A preview of a body's first {@code length} bytes (UTF-8) of which at most {@code maxChars}
   * characters are kept, sensitive values masked first (a cut never splits a mask); null for a
   * body that is not text.
   */
  static @Nullable Preview bodyPreview(@Nullable String contentType, byte[] bytes, int length,
      int maxChars) {
    if (!isText(contentType)) {
      return null;
    }
    try {
      String text = decode(bytes, Math.min(length, bytes.length));
      if (isForm(contentType)) {
        text = pairs(text);
      }
      String redacted = Bridge.core().redact(text);
      return redacted.length() <= maxChars ? new Preview(redacted, false)
          : new Preview(redacted.substring(0, cutAt(redacted, maxChars)), true);
    } catch (RuntimeException | LinkageError e) {
      return failed(e);
    }
  }

  /** A body's preview, and whether it is cut short. */
  record Preview(String text, boolean truncated) {}

  /** Whether a body of this content type is text worth a preview (JSON, form, XML, text/*). */
  static boolean isText(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") && !type.startsWith("text/event-stream")
        || type.startsWith("application/json") || type.contains("+json")
        || isForm(type) || type.startsWith("application/xml") || type.contains("+xml");
  }

  private static boolean isForm(String contentType) {
    return contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static boolean sensitiveHeader(String name) {
    return SECRET_HEADERS.contains(name) || SensitiveNames.contains(name);
  }

  /** {@code a=1&token=x} with the values of sensitive keys (decoded to judge them) masked. */
  private static String pairs(String query) {
    StringBuilder out = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      String pair = query.substring(start, end);
      int equals = pair.indexOf('=');
      if (equals > 0 && SensitiveNames.contains(decoded(pair.substring(0, equals)))) {
        out.append(pair, 0, equals + 1).append(MASK);
      } else {
        out.append(pair);
      }
      if (end < query.length()) {
        out.append('&');
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static String decoded(String key) {
    if (key.indexOf('%') < 0 && key.indexOf('+') < 0) {
      return key;
    }
    try {
      return URLDecoder.decode(key, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return key;
    }
  }

  private static String decode(byte[] bytes, int length) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars = CharBuffer.allocate(length);
    decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
    return chars.flip().toString();
  }

  /** {@code max}, moved back before a mask it would cut or a surrogate pair it would split. */
  private static int cutAt(String text, int max) {
    int mask = text.lastIndexOf(MASK, max - 1);
    if (mask >= 0 && mask + MASK.length() > max) {
      return mask;
    }
    return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
  }

  private static <T> @Nullable T failed(Throwable e) {
    SdkCounters.increment(OutboundHttp.COUNTER_REDACTION_FAILED);
    SdkLog.errorOnce("outbound-redaction", "llmops: an outbound call's URL, headers or body "
        + "could not be redacted; that part is not recorded", e);
    return null;
  }
}
