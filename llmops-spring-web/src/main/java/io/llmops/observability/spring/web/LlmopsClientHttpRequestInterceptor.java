package io.llmops.observability.spring.web;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Scope;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spring.web.internal.RecordingFailure;
import io.llmops.observability.spring.web.internal.SpringHeaders;
import io.llmops.observability.spring.web.internal.SpringRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records each call of a Spring {@code RestClient} or {@code RestTemplate} inside a trace as a
 * client span (docs/OUTBOUND_HTTP.md, library {@code spring-web}): the trace headers go into the
 * request's headers for the hosts that are to get them, the request body is previewed from the
 * bytes Spring already holds (when previews are on), and the span ends when the response's
 * status and headers are in. The response body is never read: the application reads it as if
 * the interceptor were absent. While the call runs its span is current, so the client underneath
 * (the JDK {@code HttpClient}, Apache, OkHttp, woven by the agent or not) records nothing more.
 * Exceptions reach the caller unchanged; a call the SDK fails to record is made unrecorded.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder()
 *     .requestInterceptor(new LlmopsClientHttpRequestInterceptor()).build();
 * }</pre>
 *
 * Spring Boot adds it to every {@code RestClient.Builder} and {@code RestTemplateBuilder} by
 * itself ({@link LlmopsHttpClientAutoConfiguration}).
 */
public final class LlmopsClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

  private static final String FAILURE_KEY = "spring-web-interceptor";

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body,
      ClientHttpRequestExecution execution) throws IOException {
    OutboundCall call = start(request, body);
    if (call == null) {
      return execution.execute(request, body);
    }
    try (Scope ignored = call.makeCurrent()) {
      ClientHttpResponse response = execution.execute(request, body);
      recordResponse(call, response);
      return response;
    } catch (IOException | RuntimeException | Error e) {
      call.failed(e);
      throw e;
    } finally {
      call.end();
    }
  }

  private static @Nullable OutboundCall start(HttpRequest request, byte[] body) {
    OutboundCall call;
    try {
      call = OutboundHttp.start(new SpringRequest(HttpClientLibrary.SPRING_WEB, false,
          request.getMethod(), request.getURI(), request.getHeaders()));
    } catch (RuntimeException | LinkageError e) {
      RecordingFailure.count(FAILURE_KEY, e);
      return null;
    }
    if (call == null) {
      return null;
    }
    try {
      HttpHeaders headers = request.getHeaders();
      call.inject(headers::set);
      if (call.previewsBodies() && body.length > 0) {
        call.requestBody(contentType(headers), body, Math.min(body.length, call.previewBytes()));
      }
    } catch (RuntimeException | LinkageError e) {
      // Read-only headers (a wrapped request), say: the call goes on without them.
      RecordingFailure.count(FAILURE_KEY, e);
    }
    return call;
  }

  private static void recordResponse(OutboundCall call, ClientHttpResponse response) {
    try {
      call.response(response.getStatusCode().value(), SpringHeaders.of(response.getHeaders()));
    } catch (IOException | RuntimeException | LinkageError e) {
      RecordingFailure.count(FAILURE_KEY, e);
    }
  }

  private static @Nullable String contentType(HttpHeaders headers) {
    MediaType type = headers.getContentType();
    return type == null ? null : type.toString();
  }
}
