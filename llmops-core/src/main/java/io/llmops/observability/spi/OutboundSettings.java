package io.llmops.observability.spi;

import io.llmops.observability.LlmopsConfig;
import java.util.List;

/** {@link OutboundHttp}'s settings as one configuration resolves them. */
record OutboundSettings(HostPatterns propagateTo, boolean bodyPreview,
    int previewChars, boolean captureHeaders) {

  static OutboundSettings of(LlmopsConfig config) {
    List<String> hosts = config.get(OutboundHttp.PROPAGATE_HOSTS);
    Boolean preview = config.get(OutboundHttp.BODY_PREVIEW);
    Integer chars = config.get(OutboundHttp.BODY_PREVIEW_CHARS);
    Boolean headers = config.get(InboundHttp.CAPTURE_HEADERS);
    return new OutboundSettings(new HostPatterns(hosts == null ? List.of() : hosts),
        preview != null && preview, chars == null ? OutboundHttp.DEFAULT_PREVIEW_CHARS : chars,
        headers == null || headers);
  }
}
