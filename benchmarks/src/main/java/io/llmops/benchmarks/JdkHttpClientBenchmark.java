package io.llmops.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.jdkhttp.LlmopsHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
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

/**
 * One {@code send} of a small GET to a JDK HttpServer on 127.0.0.1, through the bare JDK
 * HttpClient and through {@code LlmopsHttpClient.wrap} of it, inside a trace: the difference is
 * the client span (started, redacted URL and headers, status, ended; a trace of 100 of them sent
 * to a discarding sink). The same keep-alive connection serves every call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JdkHttpClientBenchmark {

  public static class Calls extends RotatingTrace {

    HttpServer server;
    ExecutorService serverThreads;
    HttpClient bare;
    HttpClient wrapped;
    HttpRequest request;

    @Setup(Level.Trial)
    public void start() throws IOException {
      sink = Discarding.configureLlmops();
      // Without it, Nagle's algorithm and delayed ACKs hold each small answer for ~40 ms.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      byte[] body = "{\"answer\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      serverThreads = Executors.newFixedThreadPool(2);
      server.setExecutor(serverThreads);
      server.createContext("/answer", exchange -> {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      wrapped = LlmopsHttpClient.wrap(bare);
      request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + server.getAddress().getPort() + "/answer?user=ann&token=t0k3n"))
          .header("Authorization", "Bearer secret").build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  @Benchmark
  public HttpResponse<String> bare(Calls calls) throws IOException, InterruptedException {
    return calls.bare.send(calls.request, BodyHandlers.ofString());
  }

  @Benchmark
  public HttpResponse<String> wrapped(Calls calls) throws IOException, InterruptedException {
    HttpResponse<String> response = calls.wrapped.send(calls.request, BodyHandlers.ofString());
    calls.rotate();
    return response;
  }
}
