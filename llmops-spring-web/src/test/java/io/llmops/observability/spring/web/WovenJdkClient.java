package io.llmops.observability.spring.web;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.OutboundRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * What the agent's weaving of the JDK {@code HttpClient} does when a request is sent: asks the
 * core whether to record it. Remembers each answer (null: not recorded).
 */
final class WovenJdkClient {

  final List<OutboundCall> calls = new ArrayList<>();

  void send(HttpMethod method, URI uri) {
    OutboundCall call = OutboundHttp.start(new OutboundRequest() {
      @Override
      public HttpClientLibrary library() {
        return HttpClientLibrary.JDK_HTTP_CLIENT;
      }

      @Override
      public boolean async() {
        return false;
      }

      @Override
      public String method() {
        return method.name();
      }

      @Override
      public String url() {
        return uri.toString();
      }
    });
    calls.add(call);
    if (call != null) {
      call.end();
    }
  }
}
