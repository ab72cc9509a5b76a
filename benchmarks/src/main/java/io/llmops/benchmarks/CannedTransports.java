package io.llmops.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The last step of each client answered in memory: every layer of the client runs as for a real
 * call (OkHttp's call and interceptor chain, Apache's exec chain up to the protocol step, Spring's
 * request and interceptors), only the connection is left out, so that what an integration costs
 * the caller's thread is not lost in a network round trip's noise.
 */
final class CannedTransports {

  static final String BODY = "hello";

  private CannedTransports() {}

  /** An OkHttp application interceptor that answers without proceeding. */
  static Interceptor okHttp() {
    return chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
        .code(200).message("OK").header("Content-Type", "text/plain")
        .body(ResponseBody.create(BODY, MediaType.get("text/plain"))).build();
  }

  /** An Apache exec-chain handler, in place of the connect step, that answers. */
  static ExecChainHandler apache() {
    return (request, scope, chain) -> {
      BasicClassicHttpResponse response = new BasicClassicHttpResponse(200, "OK");
      response.setEntity(new StringEntity(BODY, ContentType.TEXT_PLAIN));
      return response;
    };
  }

  /** A Spring request factory whose requests answer without a connection. */
  static ClientHttpRequestFactory spring() {
    return (uri, method) -> new AbstractClientHttpRequest() {
      private final ByteArrayOutputStream body = new ByteArrayOutputStream();

      @Override
      public HttpMethod getMethod() {
        return method;
      }

      @Override
      public URI getURI() {
        return uri;
      }

      @Override
      protected OutputStream getBodyInternal(org.springframework.http.HttpHeaders headers) {
        return body;
      }

      @Override
      protected ClientHttpResponse executeInternal(org.springframework.http.HttpHeaders headers) {
        org.springframework.http.HttpHeaders answer = new org.springframework.http.HttpHeaders();
        answer.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
        return new ClientHttpResponse() {
          @Override
          public HttpStatusCode getStatusCode() {
            return HttpStatus.OK;
          }

          @Override
          public String getStatusText() {
            return "OK";
          }

          @Override
          public void close() {}

          @Override
          public InputStream getBody() {
            return new ByteArrayInputStream(BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }

          @Override
          public org.springframework.http.HttpHeaders getHeaders() {
            return answer;
          }
        };
      }
    };
  }

  /** A JDK HttpClient whose {@code send} answers at once with {@link #BODY}. */
  static HttpClient jdk() {
    return new HttpClient() {
      @Override
      public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
      }

      @Override
      public Optional<Duration> connectTimeout() {
        return Optional.empty();
      }

      @Override
      public Redirect followRedirects() {
        return Redirect.NEVER;
      }

      @Override
      public Optional<ProxySelector> proxy() {
        return Optional.empty();
      }

      @Override
      public SSLContext sslContext() {
        return null;
      }

      @Override
      public SSLParameters sslParameters() {
        return null;
      }

      @Override
      public Optional<Authenticator> authenticator() {
        return Optional.empty();
      }

      @Override
      public Version version() {
        return Version.HTTP_1_1;
      }

      @Override
      public Optional<Executor> executor() {
        return Optional.empty();
      }

      @Override
      public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
          throws IOException {
        HttpHeaders headers = HttpHeaders.of(Map.of("content-type", List.of("text/plain")),
            (name, value) -> true);
        return new Canned<>(request, headers, handler);
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
          HttpResponse.BodyHandler<T> handler) {
        try {
          return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      }

      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
          HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
        return sendAsync(request, handler);
      }
    };
  }

  /** A response whose body is {@link #BODY} given to the application's handler. */
  private static final class Canned<T> implements HttpResponse<T> {
    private final HttpRequest request;
    private final HttpHeaders headers;
    private final T body;

    Canned(HttpRequest request, HttpHeaders headers, BodyHandler<T> handler) {
      this.request = request;
      this.headers = headers;
      HttpResponse.BodySubscriber<T> subscriber = handler.apply(new ResponseInfo() {
        @Override
        public int statusCode() {
          return 200;
        }

        @Override
        public HttpHeaders headers() {
          return headers;
        }

        @Override
        public HttpClient.Version version() {
          return HttpClient.Version.HTTP_1_1;
        }
      });
      subscriber.onSubscribe(new java.util.concurrent.Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onNext(List.of(java.nio.ByteBuffer.wrap(
          BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
      subscriber.onComplete();
      this.body = subscriber.getBody().toCompletableFuture().join();
    }

    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public HttpRequest request() {
      return request;
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return headers;
    }

    @Override
    public T body() {
      return body;
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
