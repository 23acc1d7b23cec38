package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.JobCreateRequest;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourcePutRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** Request counts for retries: the server is the witness of what was sent. */
class RetryTest extends FacadeTestSupport {
  private static final UUID SOURCE = UUID.fromString("0c5d2a4e-7b1f-4a55-9a0e-2f1d3c4b5a69");
  private static final String SOURCE_JSON = "{\"sourceId\":\"" + SOURCE + "\",\"name\":\"pg\"}";
  private static final JobCreateRequest CREATE =
      new JobCreateRequest().connectionId(CONNECTION).jobType(JobTypeEnum.SYNC);

  private static MockResponse status(int code) {
    return json(code, "{\"status\":" + code + "}");
  }

  private static MockResponse status(int code, String retryAfter) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
  }

  @Test
  void getIsRetriedOn503ThenSucceeds() {
    routes.on("GET /v1/sources/" + SOURCE, status(503), json(200, SOURCE_JSON));
    assertEquals("pg", client().sources().getSource(SOURCE).execute().getName());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofMillis(500)), sleeper.sleeps);
  }

  @Test
  void retryAfterInSecondsIsObeyed() {
    routes.on("GET /v1/sources/" + SOURCE, status(429, "7"), json(200, SOURCE_JSON));
    client().sources().getSource(SOURCE).execute();
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps);
  }

  @Test
  void retryAfterAsAnHttpDateIsObeyed() {
    String tenSecondsLater = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(10).atZone(ZoneOffset.UTC));
    routes.on("GET /v1/sources/" + SOURCE, status(503, tenSecondsLater), json(200, SOURCE_JSON));
    client().sources().getSource(SOURCE).execute();
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(10)), sleeper.sleeps);
  }

  @Test
  void aRetryAfterLongerThanMaxDelayIsLeftToTheCaller() {
    routes.on("GET /v1/sources/" + SOURCE, status(429, "120"), json(200, SOURCE_JSON));
    RateLimitException e = assertThrows(RateLimitException.class,
        () -> client().sources().getSource(SOURCE).execute());
    assertEquals(Duration.ofSeconds(120), e.getRetryAfter());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), sleeper.sleeps);
  }

  @Test
  void attemptsAreBoundedWithExponentialBackoff() {
    routes.on("GET /v1/sources/" + SOURCE, status(503));
    assertThrows(ServerException.class, () -> client().sources().getSource(SOURCE).execute());
    assertEquals(4, server.getRequestCount());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.sleeps);
  }

  @Test
  void totalTimeIsBounded() {
    routes.on("GET /v1/sources/" + SOURCE, status(502));
    AirbyteClient client = track(builder().retries(RetryPolicy.builder().maxAttempts(10)
        .maxElapsed(Duration.ofMillis(1600)).build()).build());
    assertThrows(ServerException.class, () -> client.sources().getSource(SOURCE).execute());
    // 0.5 s then 1 s fit in 1.6 s; waiting 2 s more would not.
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void jitterSpreadsTheWait() {
    routes.on("GET /v1/sources/" + SOURCE, status(504), json(200, SOURCE_JSON));
    track(builder().jitter(() -> 0.25).build()).sources().getSource(SOURCE).execute();
    assertEquals(List.of(Duration.ofMillis(125)), sleeper.sleeps);
  }

  @Test
  void putAndDeleteAreRetriedPatchIsNot() {
    routes.on("PUT /v1/sources/" + SOURCE, status(502), json(200, SOURCE_JSON));
    client().sources().putSource(SOURCE, new SourcePutRequest().name("pg").configuration(Map.of("port", 5432))).execute();
    assertEquals(2, routes.requests("PUT /v1/sources/" + SOURCE).size());
    assertEquals(routes.requests("PUT /v1/sources/" + SOURCE).get(0).getBody(),
        routes.requests("PUT /v1/sources/" + SOURCE).get(1).getBody());

    routes.on("DELETE /v1/sources/" + SOURCE, status(503), response(204, null, ""));
    client().sources().deleteSource(SOURCE).execute();
    assertEquals(2, routes.requests("DELETE /v1/sources/" + SOURCE).size());

    routes.on("PATCH /v1/sources/" + SOURCE, status(503), json(200, SOURCE_JSON));
    assertThrows(ServerException.class,
        () -> client().sources().patchSource(SOURCE, new SourcePatchRequest().name("x")).execute());
    assertEquals(1, routes.requests("PATCH /v1/sources/" + SOURCE).size());
  }

  @Test
  void postIsNeverSentTwiceOnAStatus() {
    // Retry-After: 0 on a 503 would even make OkHttp itself resend, unless the body is one-shot.
    for (int code : new int[] {503, 500, 502, 504, 429}) {
      routes.reset();
      routes.on("POST /v1/jobs", status(code, "0"), json(200, job(1, "running")));
      assertThrows(AirbyteHttpException.class, () -> client().jobs().createJob(CREATE).execute(), "status " + code);
      assertEquals(1, routes.requests("POST /v1/jobs").size(), "status " + code);
    }
    assertEquals(List.of(), sleeper.sleeps);
  }

  @Test
  void postIsNeverSentTwiceAfterADisconnect() throws Exception {
    routes.on("GET /v1/health", response(200, null, ""));
    routes.on("POST /v1/jobs",
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
        json(200, job(1, "running")));
    AirbyteClient client = client();
    client.health().getHealthCheck().execute(); // a pooled connection: OkHttp resends on those when it may
    AirbyteTransportException e = assertThrows(AirbyteTransportException.class, () -> client.jobs().createJob(CREATE).execute());
    assertTrue(e.getMessage().startsWith("POST /v1/jobs failed: no HTTP response"), e.getMessage());
    TimeUnit.MILLISECONDS.sleep(200); // a resend would arrive by now
    assertEquals(1, routes.requests("POST /v1/jobs").size());
  }

  @Test
  void postIsNeverSentTwiceAfterAReadTimeout() throws Exception {
    routes.on("POST /v1/jobs",
        new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body(job(1, "running")).build(),
        json(200, job(2, "running")));
    AirbyteClient client = track(builder().readTimeout(Duration.ofMillis(300)).build());
    AirbyteTransportException e = assertThrows(AirbyteTransportException.class, () -> client.jobs().createJob(CREATE).execute());
    assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).matches(".*(timeout|timed out).*"), e.getMessage());
    TimeUnit.MILLISECONDS.sleep(200);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aBodyThatStallsFailsAfterOneReadTimeoutNotTwo() {
    // Closing a stalled HTTP/1 body made OkHttp drain it for another read timeout, about one call in four.
    routes.on("GET /v1/health", json(200, "{}"));
    routes.on("GET /v1/sources/" + SOURCE,
        json(200, SOURCE_JSON).newBuilder().bodyDelay(2, TimeUnit.SECONDS).build());
    AirbyteClient client = track(builder().readTimeout(Duration.ofMillis(250)).retries(RetryPolicy.none()).build());
    client.health().getHealthCheck().execute();
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      assertThrows(AirbyteTransportException.class, () -> client.sources().getSource(SOURCE).execute());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 450, "call " + i + " took " + millis + " ms with a read timeout of 250 ms");
    }
  }

  @Test
  void getIsRetriedAfterADisconnect() {
    routes.on("GET /v1/sources/" + SOURCE,
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
        json(200, SOURCE_JSON));
    assertEquals("pg", client().sources().getSource(SOURCE).execute().getName());
    assertTrue(server.getRequestCount() >= 2);
  }

  @Test
  void postIsRetriedWhenItCouldNotConnect() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AirbyteClient client = track(builder().baseUrl("http://127.0.0.1:" + closedPort + "/v1").build());
    AirbyteTransportException e = assertThrows(AirbyteTransportException.class, () -> client.jobs().createJob(CREATE).execute());
    assertTrue(e.getMessage().startsWith("POST /v1/jobs failed: no HTTP response"), e.getMessage());
    assertEquals(3, sleeper.sleeps.size(), "nothing was sent, so every attempt was made");
  }

  @Test
  void retriesCanBeTurnedOff() {
    routes.on("GET /v1/sources/" + SOURCE, status(503), json(200, SOURCE_JSON));
    AirbyteClient client = track(builder().retries(RetryPolicy.none()).build());
    assertThrows(ServerException.class, () -> client.sources().getSource(SOURCE).execute());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void eachAttemptGetsACurrentToken() throws Exception {
    routes.on("POST /v1/applications/token",
        json(200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":60}"),
        json(200, "{\"access_token\":\"tok-2\",\"token_type\":\"Bearer\",\"expires_in\":60}"));
    routes.on("GET /v1/sources/" + SOURCE, status(503, "61"), json(200, SOURCE_JSON));
    AirbyteClient client = track(builder().credentials(Credentials.clientCredentials("id", "secret"))
        .retries(RetryPolicy.builder().maxDelay(Duration.ofMinutes(2)).build()).build());
    client.sources().getSource(SOURCE).execute();
    List<String> authorizations = routes.requests("GET /v1/sources/" + SOURCE).stream()
        .map(request -> request.getHeaders().get("Authorization")).toList();
    assertEquals(List.of("Bearer tok-1", "Bearer tok-2"), authorizations);
  }
}
