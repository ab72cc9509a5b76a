package io.llmops.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.spring.web.LlmopsClientHttpRequestInterceptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A Spring {@code RestClient} GET to a JDK HttpServer on 127.0.0.1 inside a trace, with and
 * without {@link LlmopsClientHttpRequestInterceptor}: the difference is what a client span costs
 * on the calling thread (start, headers redacted, response, end; the trace is encoded on the
 * export worker into a discarding sink). Both clients share one JDK {@code HttpClient}, so they
 * reuse the same kept-alive connection.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Without TCP_NODELAY the JDK server's small writes wait for delayed ACKs: 40 ms a call.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpringRestClientBenchmark {

  public static class Clients extends RotatingTrace {

    HttpServer server;
    String url;
    RestClient bare;
    RestClient intercepted;

    @Setup(Level.Trial)
    public void start() throws IOException {
      sink = Discarding.configureLlmops();
      byte[] answer = "{\"answer\":42}".getBytes(StandardCharsets.UTF_8);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newSingleThreadExecutor());
      server.createContext("/", exchange -> {
        try (exchange) {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
        }
      });
      server.start();
      url = "http://127.0.0.1:" + server.getAddress().getPort() + "/profile?user=42";
      JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
      bare = RestClient.builder().requestFactory(factory).build();
      intercepted = RestClient.builder().requestFactory(factory)
          .requestInterceptor(new LlmopsClientHttpRequestInterceptor()).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.stop(0);
    }
  }

  @Benchmark
  public String bare(Clients clients) {
    String body = clients.bare.get().uri(clients.url).retrieve().body(String.class);
    clients.rotate();
    return body;
  }

  @Benchmark
  public String intercepted(Clients clients) {
    String body = clients.intercepted.get().uri(clients.url).retrieve().body(String.class);
    clients.rotate();
    return body;
  }
}
