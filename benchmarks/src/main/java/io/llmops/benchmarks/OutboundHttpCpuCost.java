package io.llmops.benchmarks;

import io.llmops.observability.TraceManager;
import io.llmops.observability.apache.hc5.LlmopsHttpClient5;
import io.llmops.observability.jdkhttp.LlmopsHttpClient;
import io.llmops.observability.okhttp.LlmopsOkHttp;
import io.llmops.observability.spring.web.LlmopsClientHttpRequestInterceptor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.web.client.RestClient;

/**
 * What each explicit client integration costs the calling thread per call, in CPU time of that
 * thread: the same call through each client with and without its integration, inside a trace
 * finalized every 100 calls (the client spans exported to a discarding sink on the export
 * worker, whose time is not counted). The connection is answered in memory ({@link
 * CannedTransports}): with a real round trip the few microseconds sought vanish in the network's
 * noise on a small machine. Each case is warmed up, then measured over {@code rounds} rounds of
 * {@code calls} calls; prints the median round in ns per call.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.llmops.benchmarks.OutboundHttpCpuCost [calls] [rounds]
 * }</pre>
 */
public final class OutboundHttpCpuCost {

  private static final String URL = "http://127.0.0.1:8080/chat?session=abc&api_key=k";

  /** One call of a case. */
  private interface Call {
    int make() throws Exception;
  }

  private OutboundHttpCpuCost() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Discarding.Sink sink = Discarding.configureLlmops();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    OkHttpClient okBare = new OkHttpClient.Builder().addInterceptor(CannedTransports.okHttp())
        .build();
    OkHttpClient.Builder okBuilder = new OkHttpClient.Builder();
    LlmopsOkHttp.instrument(okBuilder);
    OkHttpClient okTraced = okBuilder.addInterceptor(CannedTransports.okHttp()).build();
    Request okRequest = new Request.Builder().url(URL).header("Authorization", "Bearer t").build();

    HttpClient jdkBare = CannedTransports.jdk();
    HttpClient jdkTraced = LlmopsHttpClient.wrap(jdkBare);
    HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(URL))
        .header("Authorization", "Bearer t").build();

    CloseableHttpClient apacheBare = canned(HttpClients.custom());
    CloseableHttpClient apacheTraced = canned(LlmopsHttpClient5.instrument(HttpClients.custom()));

    // The bare client has a pass-through interceptor: Spring wraps a client that has any
    // interceptor in a chain of its own, which costs the same with ours or with another.
    RestClient springBare = RestClient.builder().requestFactory(CannedTransports.spring())
        .requestInterceptor((request, body, execution) -> execution.execute(request, body)).build();
    RestClient springTraced = RestClient.builder().requestFactory(CannedTransports.spring())
        .requestInterceptor(new LlmopsClientHttpRequestInterceptor()).build();

    String[] names = {"okhttpBare", "okhttpTraced", "jdkBare", "jdkTraced", "apacheBare",
        "apacheTraced", "springBare", "springTraced"};
    Call[] cases = {
        () -> okhttp(okBare, okRequest), () -> okhttp(okTraced, okRequest),
        () -> jdkBare.send(jdkRequest, HttpResponse.BodyHandlers.ofString()).body().length(),
        () -> jdkTraced.send(jdkRequest, HttpResponse.BodyHandlers.ofString()).body().length(),
        () -> apache(apacheBare), () -> apache(apacheTraced),
        () -> spring(springBare), () -> spring(springTraced)};
    long[][] perCall = new long[cases.length][rounds];
    for (int round = -3; round < rounds; round++) { // three rounds of warm-up; cases alternate
      for (int c = 0; c < cases.length; c++) {
        TraceManager.startTrace("bench");
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 1; i <= calls; i++) {
          cases[c].make();
          if (i % 100 == 0) {
            TraceManager.finalizeAndSend(null, null);
            TraceManager.startTrace("bench");
          }
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        TraceManager.finalizeAndSend(null, null);
        if (round >= 0) {
          perCall[c][round] = spent / calls;
        }
      }
    }
    for (int c = 0; c < cases.length; c++) {
      long[] sorted = perCall[c].clone();
      Arrays.sort(sorted);
      System.out.printf("%-13s median %,7d ns/call CPU (rounds %s)%n", names[c],
          sorted[rounds / 2], Arrays.toString(perCall[c]));
    }
    for (int c = 0; c < cases.length; c += 2) {
      long[] bare = perCall[c].clone();
      long[] traced = perCall[c + 1].clone();
      Arrays.sort(bare);
      Arrays.sort(traced);
      System.out.printf("%-13s costs %,6d ns/call on the caller's thread (median difference)%n",
          names[c + 1], traced[rounds / 2] - bare[rounds / 2]);
    }
    apacheBare.close();
    apacheTraced.close();
    Discarding.shutdownLlmops("OutboundHttpCpuCost", sink);
  }

  private static CloseableHttpClient canned(HttpClientBuilder builder) {
    return builder.replaceExecInterceptor(ChainElement.CONNECT.name(), CannedTransports.apache())
        .build();
  }

  private static int okhttp(OkHttpClient client, Request request) throws Exception {
    try (Response response = client.newCall(request).execute()) {
      return response.body().string().length();
    }
  }

  private static int apache(CloseableHttpClient client) throws Exception {
    HttpGet get = new HttpGet(URL);
    get.setHeader("Authorization", "Bearer t");
    return client.execute(get, response -> EntityUtils.toString(response.getEntity()).length());
  }

  private static int spring(RestClient client) {
    return client.get().uri(URL).header("Authorization", "Bearer t").retrieve()
        .body(String.class).length();
  }
}
