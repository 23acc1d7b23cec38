package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.invoker.ApiResponse;
import io.github.airbytejava.generated.model.JobOrderByEnum;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobsResponse;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Request objects, scoped clients ({@code withOptions}) and raw responses, on the wire. */
class ScopedClientTest extends FacadeTestSupport {
  private static final String TOKEN = "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":900}";

  private AirbyteClient withCredentials() {
    routes.on("POST /v1/applications/token", json(200, TOKEN));
    return track(builder().credentials(Credentials.clientCredentials("id", "secret")).build());
  }

  @Test
  void aRequestSendsOnlyWhatItsCallerSet() throws Exception {
    routes.on("GET /v1/jobs", json(200, jobs(job(3, "running"))));
    List<JobResponse> running = client().jobs().listJobs().connectionId(CONNECTION).status(JobStatusEnum.RUNNING)
        .orderBy(JobOrderByEnum.CREATED_AT_DESC).execute().getData();

    assertEquals(3L, running.get(0).getJobId());
    RecordedRequest request = server.takeRequest();
    assertEquals("/v1/jobs?connectionId=" + CONNECTION + "&status=running&orderBy=createdAt%7CDESC",
        request.getTarget());
  }

  @Test
  void aScopedClientAddsItsHeadersAndSharesThePoolAndTheTokenCache() throws Exception {
    AirbyteClient client = withCredentials();
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    client.jobs().getJob(1L).execute();

    AirbyteClient scoped = client.withOptions(o -> o.header("X-Request-Id", "abc").header("x-request-id", "def"));
    scoped.jobs().getJob(1L).execute();
    client.jobs().getJob(1L).execute();

    assertEquals(1, routes.requests("POST /v1/applications/token").size(), "one token for the client and its scope");
    List<RecordedRequest> calls = routes.requests("GET /v1/jobs/1");
    assertNull(calls.get(0).getHeaders().get("X-Request-Id"));
    assertEquals(List.of("def"), calls.get(1).getHeaders().values("X-Request-Id"));
    assertEquals("Bearer t-1", calls.get(1).getHeaders().get("Authorization"));
    assertNull(calls.get(2).getHeaders().get("X-Request-Id"), "the client itself is unchanged");
    assertSame(client.transport().httpClient(), scoped.transport().httpClient());
  }

  @Test
  void aScopedRetryPolicyReplacesTheClientsForItsCallsOnly() {
    routes.on("GET /v1/jobs/1", json(503, "{}"));
    AirbyteClient client = client();
    AirbyteClient once = client.withOptions(o -> o.retries(RetryPolicy.none()));

    assertThrows(ServerException.class, () -> once.jobs().getJob(1L).execute());
    assertEquals(1, routes.requests("GET /v1/jobs/1").size());
    assertThrows(ServerException.class, () -> client.jobs().getJob(1L).execute());
    assertEquals(1 + RetryPolicy.defaults().maxAttempts(), routes.requests("GET /v1/jobs/1").size());
    assertEquals(RetryPolicy.none(), once.retryPolicy());
    assertEquals(RetryPolicy.defaults(), client.retryPolicy());
  }

  @Test
  void aScopedTimeoutBoundsTheCall() {
    routes.on("GET /v1/jobs/1", new mockwebserver3.MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body(job(1, "running"))
        .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());
    AirbyteClient hasty = client().withOptions(o -> o.timeout(Duration.ofMillis(200)).retries(RetryPolicy.none()));

    AirbyteTransportException e = assertThrows(AirbyteTransportException.class, () -> hasty.jobs().getJob(1L).execute());
    assertTrue(e.getMessage().contains("timeout"), e.getMessage());
    assertEquals(Duration.ofMillis(200), hasty.callTimeout());
  }

  @Test
  void scopesStackAndTheLaterOptionWins() {
    AirbyteClient client = client();
    AirbyteClient a = client.withOptions(o -> o.timeout(Duration.ofSeconds(5)).header("X-A", "1"));
    AirbyteClient b = a.withOptions(o -> o.timeout(Duration.ofSeconds(9)).header("X-B", "2"));

    assertEquals(Duration.ofSeconds(9), b.callTimeout());
    assertEquals(java.util.Map.of("X-A", "1", "X-B", "2"), b.options().headers());
    assertSame(client, client.withOptions(RequestOptions.none()));
  }

  @Test
  void closingAScopedClientLeavesTheClientOpen() {
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    AirbyteClient client = client();
    client.withOptions(o -> o.header("X-A", "1")).close();
    assertEquals(1L, client.jobs().getJob(1L).execute().getJobId());
    client.close();
    assertThrows(IllegalStateException.class, () -> client.withOptions(o -> o.header("X-A", "1")).jobs());
  }

  @Test
  void badOptionsFailWhenSetNotWhenSent() {
    RequestOptions.Builder options = RequestOptions.builder();
    assertEquals("timeout must not be negative: PT-1S",
        assertThrows(IllegalArgumentException.class, () -> options.timeout(Duration.ofSeconds(-1))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> options.readTimeout(Duration.ofDays(30)))
        .getMessage().startsWith("readTimeout must be at most"));
    assertThrows(IllegalArgumentException.class, () -> options.header("X-Bad\n", "v"));
    assertThrows(IllegalArgumentException.class, () -> options.header("X-Bad", "line\nbreak"));
  }

  @Test
  void optionsNeverPrintHeaderValues() {
    String printed = RequestOptions.builder().header("X-Api-Key", "k-very-secret").build().toString();
    assertTrue(printed.contains("X-Api-Key") && !printed.contains("k-very-secret"), printed);
  }

  @Test
  void aRefusedHeaderValueIsNotQuotedInTheException() {
    // A key read from a file often ends in a line break, which no header may hold.
    String message = assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().header("X-Api-Key", "k-very-secret\n")).getMessage();
    assertFalse(message.contains("k-very-secret"), message);
    assertTrue(message.contains("X-Api-Key"), message);
  }

  @Test
  void executeRawReturnsStatusHeadersAndTheBodyAsReceived() {
    String body = jobs(job(3, "running")).replace("\"next\":\"\"", "\"next\":\"\",\"newField\":1");
    routes.on("GET /v1/jobs", new mockwebserver3.MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").addHeader("X-RateLimit-Remaining", "41").body(body).build());

    ApiResponse<JobsResponse> raw = client().jobs().listJobs().executeRaw();

    assertEquals(200, raw.statusCode());
    assertEquals("41", raw.header("x-ratelimit-remaining"));
    assertEquals(body, raw.rawBody());
    assertEquals(3L, raw.data().getData().get(0).getJobId());
    assertTrue(!raw.toString().contains("running"), raw.toString());
  }

  @Test
  void executeRawOfAnOperationWithoutBodyHasAnEmptyRawBody() {
    routes.on("DELETE /v1/sources/" + CONNECTION, response(204, null, ""));
    ApiResponse<Void> raw = client().sources().deleteSource(CONNECTION).executeRaw();
    assertEquals(204, raw.statusCode());
    assertEquals("", raw.rawBody());
    assertNull(raw.data());
  }
}
