package io.llmops.examples.http;

import io.llmops.observability.apache.hc5.LlmopsHttpClient5;
import io.llmops.observability.jdkhttp.LlmopsHttpClient;
import io.llmops.observability.okhttp.LlmopsOkHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/** Every supported client, each made the way its integration's docs say, calling {@link LocalApi}. */
final class Clients implements AutoCloseable {

  private static final String AUTHORIZATION = "Bearer demo-token-abc123";

  private final HttpClient jdk = LlmopsHttpClient.wrap(HttpClient.newHttpClient());
  private final OkHttpClient okhttp = LlmopsOkHttp.instrument(new OkHttpClient());
  private final CloseableHttpClient apache =
      LlmopsHttpClient5.instrument(HttpClients.custom()).build();
  private final CloseableHttpAsyncClient apacheAsync =
      LlmopsHttpClient5.instrument(HttpAsyncClients.custom()).build();

  Clients() {
    apacheAsync.start();
  }

  /** Calls the API once through each client; returns the statuses. */
  List<String> callAll(LocalApi api) throws Exception {
    String url = api.url(OutboundHttpDemo.QUERY);
    List<String> statuses = new ArrayList<>();
    HttpRequest jdkRequest = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", AUTHORIZATION).build();
    statuses.add("jdk send " + jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofString()).statusCode());
    statuses.add("jdk sendAsync " + jdk.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofString())
        .get(10, TimeUnit.SECONDS).statusCode());
    statuses.add("urlconnection " + urlConnection(url));
    Request okRequest = new Request.Builder().url(url).header("Authorization", AUTHORIZATION).build();
    try (Response response = okhttp.newCall(okRequest).execute()) {
      statuses.add("okhttp execute " + response.code());
    }
    statuses.add("okhttp enqueue " + enqueue(okRequest).get(10, TimeUnit.SECONDS));
    HttpGet get = new HttpGet(url);
    get.setHeader("Authorization", AUTHORIZATION);
    statuses.add("apache classic " + apache.execute(get, response -> response.getCode()));
    SimpleHttpRequest asyncGet = SimpleRequestBuilder.get(url)
        .setHeader("Authorization", AUTHORIZATION).build();
    SimpleHttpResponse asyncResponse = apacheAsync.execute(asyncGet, null).get(10, TimeUnit.SECONDS);
    statuses.add("apache async " + asyncResponse.getCode());
    statuses.add("jdk send (failing API) " + jdk.send(HttpRequest.newBuilder(
        URI.create(api.url("/fail?token=another-secret"))).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    return statuses;
  }

  private static int urlConnection(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestProperty("Authorization", AUTHORIZATION);
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  private CompletableFuture<Integer> enqueue(Request request) {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    okhttp.newCall(request).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        status.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          status.complete(response.code());
        }
      }
    });
    return status;
  }

  @Override
  public void close() throws IOException {
    apache.close();
    apacheAsync.close();
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
  }
}
