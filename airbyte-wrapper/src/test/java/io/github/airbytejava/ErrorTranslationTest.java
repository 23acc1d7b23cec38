package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.invoker.ApiOperation;
import io.github.airbytejava.generated.model.JobCreateRequest;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each error shape Airbyte and its proxies send, and what the caller gets for it. */
class ErrorTranslationTest extends FacadeTestSupport {
  private static final String SOURCE_ID = "0c5d2a4e-7b1f-4a55-9a0e-2f1d3c4b5a69";

  private AirbyteClient client;

  private AirbyteClient noRetries() {
    if (client == null) client = track(builder().retries(RetryPolicy.none()).build());
    return client;
  }

  private <T extends Throwable> T getSourceFails(Class<T> type) {
    return assertThrows(type, () -> noRetries().sources().getSource(UUID.fromString(SOURCE_ID)).execute());
  }

  @Test
  void airbyteProblemJson() {
    String body = "{\"status\":404,\"type\":\"https://reference.airbyte.com/reference/errors#resource-not-found\","
        + "\"title\":\"resource-not-found\",\"detail\":\"The requested resource could not be found.\","
        + "\"documentationUrl\":\"https://reference.airbyte.com/reference/errors\","
        + "\"data\":{\"resourceType\":\"source\",\"resourceId\":\"" + SOURCE_ID + "\"}}";
    routes.on("GET /v1/sources/" + SOURCE_ID, json(404, body));

    NotFoundException e = getSourceFails(NotFoundException.class);

    assertEquals("GET /v1/sources/" + SOURCE_ID + " failed: HTTP 404: resource-not-found: "
        + "The requested resource could not be found.", e.getMessage());
    assertEquals(404, e.getStatusCode());
    assertEquals("GET", e.getMethod());
    assertEquals("/v1/sources/" + SOURCE_ID, e.getPath());
    assertEquals("https://reference.airbyte.com/reference/errors#resource-not-found", e.getProblemType());
    assertEquals(body, e.getRawBody());
  }

  @Test
  void problemWithoutDetailUsesDataMessage() {
    routes.on("POST /v1/jobs", json(409, "{\"status\":409,\"type\":\"error:try-again-later\","
        + "\"title\":\"try-again-later\",\"data\":{\"message\":\"A sync is already running for this connection.\"}}"));
    ConflictException e = assertThrows(ConflictException.class, () -> noRetries().jobs()
        .createJob(new JobCreateRequest().connectionId(CONNECTION).jobType(JobTypeEnum.SYNC)).execute());
    assertEquals("POST /v1/jobs failed: HTTP 409: try-again-later: A sync is already running for this connection.",
        e.getMessage());
  }

  @Test
  void micronautError() {
    routes.on("GET /v1/sources/" + SOURCE_ID, json(401, "{\"message\":\"Unauthorized\",\"_links\":{\"self\":"
        + "{\"href\":\"/api/public/v1/sources\"}},\"_embedded\":{\"errors\":[{\"message\":\"Invalid token\"},"
        + "{\"message\":\"Token expired\"}]}}"));
    AuthenticationException e = getSourceFails(AuthenticationException.class);
    assertEquals("GET /v1/sources/" + SOURCE_ID + " failed: HTTP 401: Unauthorized: Invalid token; Token expired",
        e.getMessage());
    assertNull(e.getTokenUrl());
  }

  @Test
  void aboutBlankProblemGetsTheStatusPhrase() {
    routes.on("GET /v1/sources/" + SOURCE_ID, json(404, "{\"type\":\"about:blank\",\"status\":404}"));
    NotFoundException e = getSourceFails(NotFoundException.class);
    assertEquals("GET /v1/sources/" + SOURCE_ID + " failed: HTTP 404: Not Found", e.getMessage());
    assertEquals("about:blank", e.getProblemType());
  }

  @Test
  void htmlPageFromAProxyGivesItsTitle() {
    routes.on("POST /v1/jobs", response(502, "text/html", "<html>\r\n<head><title>502 Bad Gateway</title></head>"
        + "\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body></html>"));
    ServerException e = assertThrows(ServerException.class, () -> noRetries().jobs()
        .createJob(new JobCreateRequest().connectionId(CONNECTION).jobType(JobTypeEnum.SYNC)).execute());
    assertEquals("POST /v1/jobs failed: HTTP 502: 502 Bad Gateway", e.getMessage());
    assertTrue(e.getRawBody().contains("nginx"));
  }

  @Test
  void plainText() {
    routes.on("GET /v1/sources/" + SOURCE_ID, response(503, "text/plain",
        "upstream connect error or disconnect/reset before headers.\nreset reason: overflow"));
    ServerException e = getSourceFails(ServerException.class);
    assertEquals("GET /v1/sources/" + SOURCE_ID + " failed: HTTP 503: Service Unavailable: "
        + "upstream connect error or disconnect/reset before headers. reset reason: overflow", e.getMessage());
  }

  @Test
  void emptyBody() {
    routes.on("GET /v1/sources/" + SOURCE_ID, response(403, null, ""));
    PermissionDeniedException e = getSourceFails(PermissionDeniedException.class);
    assertEquals("GET /v1/sources/" + SOURCE_ID + " failed: HTTP 403: Forbidden", e.getMessage());
    assertNull(e.getRawBody());
    assertNull(e.getDetail());
  }

  @Test
  void eachStatusHasItsType() {
    assertStatus(400, BadRequestException.class);
    assertStatus(409, ConflictException.class);
    assertStatus(422, UnprocessableEntityException.class);
    assertStatus(500, ServerException.class);
    assertStatus(504, ServerException.class);
    assertStatus(418, AirbyteHttpException.class);
    assertStatus(405, AirbyteHttpException.class);
  }

  private void assertStatus(int status, Class<? extends AirbyteHttpException> type) {
    String path = "/v1/status" + status;
    routes.on("GET " + path, json(status, "{\"title\":\"t\",\"detail\":\"d\"}"));
    // No generated operation answers every status: send a request of its own through the client's transport.
    okhttp3.Request request = new okhttp3.Request.Builder().url(server.url(path)).build();
    ApiOperation operation = new ApiOperation("status" + status, "GET", path.substring(3), true);
    AirbyteHttpException e = assertThrows(AirbyteHttpException.class,
        () -> noRetries().transport().execute(operation, request, JobResponse.class));
    assertSame(type, e.getClass(), "status " + status);
    assertEquals("GET " + path + " failed: HTTP " + status + ": t: d", e.getMessage());
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    routes.on("GET /v1/sources/" + SOURCE_ID, new mockwebserver3.MockResponse.Builder().code(429)
        .addHeader("Retry-After", "30").build());
    RateLimitException e = getSourceFails(RateLimitException.class);
    assertEquals(Duration.ofSeconds(30), e.getRetryAfter());
    assertEquals("GET /v1/sources/" + SOURCE_ID + " failed: HTTP 429: Too Many Requests", e.getMessage());
  }

  @Test
  void messagesNeverCarryTheQueryString() {
    routes.on("GET /v1/sources", json(400, "{\"title\":\"bad-request\"}"));
    BadRequestException e = assertThrows(BadRequestException.class, () -> noRetries().sources()
        .listSources().workspaceIds(List.of(UUID.fromString(SOURCE_ID))).includeDeleted(true).limit(5).offset(0).execute());
    assertEquals("GET /v1/sources failed: HTTP 400: bad-request", e.getMessage());
    assertEquals("/v1/sources", e.getPath());
  }

  @Test
  void rawBodyIsCapped() {
    routes.on("GET /v1/sources/" + SOURCE_ID, response(500, "text/plain", "x".repeat(50_000)));
    ServerException e = getSourceFails(ServerException.class);
    assertEquals(8 * 1024, e.getRawBody().length());
    assertTrue(e.getMessage().length() < 700, e.getMessage());
  }

  @Test
  void successfulHtmlIsAMalformedResponseThatHintsAtTheBaseUrl() {
    routes.on("GET /v1/jobs/1", response(200, "text/html; charset=utf-8",
        "<!doctype html><html><head><title>Airbyte</title></head><body><div id=root></div></body></html>"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(1L).execute());
    assertEquals("GET /v1/jobs/1 failed: HTTP 200 with an unreadable body (text/html; charset=utf-8): an HTML page "
        + "titled \"Airbyte\" instead of JSON; is the base URL the API's (for example "
        + "http://HOST:8000/api/public/v1)?", e.getMessage());
    assertEquals(200, e.getStatusCode());
  }

  @Test
  void truncatedWrongShapedOrEmptyJsonIsAMalformedResponse() {
    routes.on("GET /v1/jobs/1", json(200, "{\"jobId\":1,\"status\":\"runn"));
    MalformedResponseException truncated =
        assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(1L).execute());
    assertTrue(truncated.getMessage().startsWith("GET /v1/jobs/1 failed: HTTP 200 with an unreadable body "
        + "(application/json): not a valid JobResponse: "), truncated.getMessage());
    assertEquals("{\"jobId\":1,\"status\":\"runn", truncated.getRawBody());

    routes.on("GET /v1/jobs/2", json(200, "[1,2,3]"));
    MalformedResponseException array =
        assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(2L).execute());
    assertEquals("GET /v1/jobs/2 failed: HTTP 200 with an unreadable body (application/json): not a valid "
        + "JobResponse: expected an object for JobResponse at $, found an array", array.getMessage());

    routes.on("GET /v1/jobs/3", json(200, "{\"jobId\":\"not-a-number\"}"));
    assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(3L).execute());

    routes.on("GET /v1/jobs/4", json(200, ""));
    assertEquals("GET /v1/jobs/4 failed: HTTP 200 with an unreadable body (application/json): the body is empty",
        assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(4L).execute()).getMessage());
  }

  @Test
  void aNoContentAnswerToAnOperationThatReturnsABodyIsMalformedToo() {
    routes.on("GET /v1/jobs/5", response(204, null, ""));
    MalformedResponseException e =
        assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(5L).execute());
    assertEquals(204, e.getStatusCode());
    assertTrue(e.getMessage().startsWith("GET /v1/jobs/5 failed: HTTP 204"), e.getMessage());
    assertTrue(e.getMessage().endsWith("no content, but the operation returns a JobResponse"), e.getMessage());
    assertThrows(MalformedResponseException.class, () -> noRetries().jobs().getJob(5L).executeRaw());

    // An operation without a body still takes its 204.
    routes.on("DELETE /v1/sources/" + SOURCE_ID, response(204, null, ""));
    noRetries().sources().deleteSource(UUID.fromString(SOURCE_ID)).execute();
  }

  @Test
  void aValueOfTheWrongKindNamesItsJsonPathAndTheMessageQuotesNoValue() {
    String source = "{\"sourceId\":\"" + SOURCE_ID + "\",\"configuration\":{\"password\":\"hunter2\"},\"createdAt\":1}";
    routes.on("GET /v1/sources", json(200, "{\"data\":[" + source + "," + source + ","
        + source.replace("\"createdAt\":1", "\"createdAt\":\"hunter3\"") + "]}"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> noRetries().sources().listSources().limit(100).execute());
    assertEquals("GET /v1/sources failed: HTTP 200 with an unreadable body (application/json): not a valid "
        + "SourcesResponse: expected an integer (64-bit) at $.data[2].createdAt, found a value that is not one",
        e.getMessage());
  }

  @Test
  void unknownEnumValuesAndFieldsAreNotErrors() {
    routes.on("GET /v1/jobs/1", json(200, "{\"jobId\":1,\"status\":\"paused_by_new_feature\",\"jobType\":\"sync\","
        + "\"connectionId\":\"" + CONNECTION + "\",\"startTime\":\"x\",\"brandNew\":true}"));
    JobResponse job = noRetries().jobs().getJob(1L).execute();
    assertEquals(JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API, job.getStatus());
    assertEquals("paused_by_new_feature", job.getAdditionalProperty("status"));
  }

  @Test
  void noResponseIsATransportExceptionNamingMethodAndPath() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AirbyteClient unreachable = track(builder().baseUrl("http://127.0.0.1:" + closedPort + "/v1")
        .retries(RetryPolicy.none()).build());
    AirbyteTransportException e = assertThrows(AirbyteTransportException.class,
        () -> unreachable.sources().listSources().limit(10).execute());
    assertTrue(e.getMessage().startsWith("GET /v1/sources failed: no HTTP response: "), e.getMessage());
    assertFalse(e.getMessage().contains("limit"), e.getMessage());
    assertEquals("/v1/sources", e.getPath());
  }

  @Test
  void asyncCallsFailWithTheTypedException() throws Exception {
    routes.on("GET /v1/jobs/9", json(404, "{\"type\":\"about:blank\",\"status\":404}"));
    CompletableFuture<JobResponse> job = noRetries().jobs().getJob(9L).executeAsync();
    ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(5, TimeUnit.SECONDS));
    assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals("GET /v1/jobs/9 failed: HTTP 404: Not Found", e.getCause().getMessage());
  }

  @Test
  void asyncCallsCompleteWithTheParsedBody() throws Exception {
    routes.on("GET /v1/jobs/9", json(200, job(9, "running")));
    assertEquals(JobStatusEnum.RUNNING, noRetries().jobs().getJob(9L).executeAsync().get(5, TimeUnit.SECONDS)
        .getStatus());
  }

  @Test
  void everyFailureIsAnAirbyteException() {
    Executable[] calls = {
      () -> noRetries().jobs().getJob(404L).execute(),
      () -> noRetries().jobs().getJob(200L).execute(),
    };
    routes.on("GET /v1/jobs/200", response(200, "application/json", "{{{"));
    for (Executable call : calls) assertThrows(AirbyteException.class, call);
  }

  @Test
  void rawErrorBodiesAndDetailsInExceptionsAreMaskedAsLogsAre() {
    routes.on("POST /v1/sources", json(400, "{\"title\":\"bad-request\",\"detail\":\"invalid password=p4ss-w0rd-1\","
        + "\"data\":{\"definitionId\":\"x\",\"configuration\":{\"host\":\"db.internal\",\"password\":\"p4ss-w0rd-1\"}}}"));
    BadRequestException e = assertThrows(BadRequestException.class, () -> noRetries().sources()
        .createSource(new io.github.airbytejava.generated.model.SourceCreateRequest().name("pg")
            .workspaceId(UUID.fromString(SOURCE_ID)).configuration(Map.of("host", "db.internal"))).execute());

    for (String text : List.of(e.getMessage(), e.getRawBody(), String.valueOf(e.getDetail()))) {
      assertFalse(text.contains("p4ss-w0rd-1") || text.contains("db.internal"), text);
    }
  }

  @Test
  void aParseErrorsCauseQuotesNoneOfTheBody() {
    routes.on("GET /v1/jobs/1", json(200, "{\"jobId\":\"not-a-number\",\"configuration\":{\"password\":\"p4ss\"},"
        + "\"status\":\"running\",\"note\":\"secret-in-a-string-1\"}"));
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> noRetries().jobs().getJob(1L).execute());

    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("secret-in-a-string-1"), t.toString());
      assertFalse(String.valueOf(t.getMessage()).contains("p4ss"), t.toString());
    }
    assertFalse(e.getRawBody().contains("p4ss"), e.getRawBody());
  }

  @Test
  void anAsyncCallsOwnFailureReachesItsFutureAndNoThreadAsUncaught() throws Exception {
    routes.on("POST /v1/applications/token", json(401, "{\"title\":\"nope\"}"));
    AirbyteClient client = track(builder().credentials(Credentials.clientCredentials("id", "secret")).build());
    List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    try {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> client.jobs().getJob(1L).executeAsync().get(5, TimeUnit.SECONDS));
      assertInstanceOf(AuthenticationException.class, e.getCause());
      Thread.sleep(200); // OkHttp rethrew right after the callback
      assertEquals(List.of(), uncaught, "OkHttp rethrows anything but an IOException on its own thread");
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
  }

  @Test
  void theStartOfALongUnreadablePageKeptInTheExceptionHasItsConfigurationsMasked() {
    String page = LoggingTest.sourcesPage(100).replace("],\"next\":\"\"", "],\"next\":[true]");
    assertTrue(page.length() > 8 * 1024, "longer than what an exception keeps");
    routes.on("GET /v1/sources", json(200, page));
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> noRetries().sources().listSources().execute());
    assertTrue(e.getRawBody().startsWith("{\"data\":[{\"sourceId\""), e.getRawBody());
    assertFalse(e.getRawBody().contains("sEcReT"), e.getRawBody());
  }
}
