package io.llmops.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.okhttp.LlmopsOkHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An OkHttp {@code execute()} inside a trace, against a JDK HttpServer on 127.0.0.1 answering a
 * short text body over a kept-alive connection, with and without {@link LlmopsOkHttp}: the
 * difference is what recording a client span costs a call (the span, its redacted URL and
 * headers, ended and exported with the trace every {@code spansPerTrace} calls to a discarding
 * sink). The bare client makes the same call in the same trace and records nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// nodelay: the JDK server otherwise waits out delayed ACKs, 40 ms a call on Linux.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OkHttpInterceptorBenchmark {

  public static class Server extends RotatingTrace {

    HttpServer server;
    Request request;
    OkHttpClient bare;
    OkHttpClient instrumented;

    @Setup(Level.Trial)
    public void start() throws IOException {
      sink = Discarding.configureLlmops();
      byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        try (exchange) {
          exchange.getResponseHeaders().add("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        }
      });
      server.start();
      request = new Request.Builder()
          .url("http://127.0.0.1:" + server.getAddress().getPort() + "/chat?session=abc")
          .header("Authorization", "Bearer benchmark-token").build();
      bare = new OkHttpClient();
      instrumented = LlmopsOkHttp.instrument(bare);
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.stop(0);
      bare.dispatcher().executorService().shutdown();
      bare.connectionPool().evictAll();
    }
  }

  @Benchmark
  public int bare(Server state) throws IOException {
    return call(state.bare, state);
  }

  @Benchmark
  public int instrumented(Server state) throws IOException {
    return call(state.instrumented, state);
  }

  private static int call(OkHttpClient client, Server state) throws IOException {
    try (Response response = client.newCall(state.request).execute()) {
      int length = response.body().bytes().length;
      state.rotate();
      return length;
    }
  }
}
