package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.configapi.AttemptStatus;
import io.github.airbytejava.configapi.DetailsUnavailableException;
import io.github.airbytejava.configapi.FailureOrigin;
import io.github.airbytejava.configapi.FailureType;
import io.github.airbytejava.configapi.InternalConfigApi;
import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.configapi.JobFailure;
import io.github.airbytejava.configapi.LogLine;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * The Config API's answers in the shapes a server may send: structured log events, fields this client does not
 * know, values missing, a body cut short. The Config API is unversioned; what matters is that nothing crashes and
 * what is there is read.
 */
class ConfigApiShapesTest extends FacadeTestSupport {

  private InternalConfigApi configApi() {
    return track(builder().credentials(Credentials.bearerToken("planted-token-1234"))
        .internalConfigApiUrl(server.url("/api/v1").toString()).build()).internalConfigApi();
  }

  @Test
  void structuredEventsAreReadWithTheirLevelSourceAndTime() throws Exception {
    routes.on("POST /api/v1/jobs/get", json(200, "{\"job\": {\"id\": 5}, \"attempts\": [{\"attempt\": {\"id\": 0},"
        + " \"logType\": \"structured\", \"logs\": {\"version\": \"1\", \"events\": ["
        + "{\"timestamp\": 1765076400000, \"message\": \"Starting\", \"level\": \"info\", \"logSource\": \"platform\","
        + " \"caller\": {\"className\": \"X\"}, \"newField\": [1, 2]},"
        + "{\"timestamp\": 1765076401000, \"message\": \"Bearer planted-token-77 refused\", \"level\": \"error\","
        + " \"logSource\": \"source\", \"stackTrace\": \"java.io.IOException: 401\"}]}}]}"));

    List<LogLine> lines;
    try (Stream<LogLine> stream = configApi().logs(5)) {
      lines = stream.toList();
    }

    assertEquals(2, lines.size());
    assertEquals(new LogLine(0, Instant.ofEpochMilli(1765076400000L), "info", "platform", "Starting"), lines.get(0));
    assertEquals("2025-12-07T03:00:00Z INFO [platform] Starting", lines.get(0).toString());
    assertEquals("error", lines.get(1).level());
    assertFalse(lines.get(1).message().contains("planted-token-77"), lines.get(1).message());
    assertTrue(lines.get(1).message().endsWith("\njava.io.IOException: 401"), lines.get(1).message());
    assertEquals("Bearer planted-token-1234", server.takeRequest().getHeaders().get("Authorization"),
        "the client's credentials go to the Config API root the user gave");
  }

  @Test
  void attemptsOfSeveralShapesAreReadInOrder() {
    routes.on("POST /api/v1/jobs/get", json(200, "{\"attempts\": [{\"attempt\": {\"id\": 0}, \"logs\": "
        + "{\"logLines\": [\"first\", 7, \"second\"]}}, \"not an attempt\", {\"logs\": null},"
        + " {\"logs\": {\"logLines\": [\"third\"]}, \"attempt\": {\"id\": 3}}], \"job\": {\"id\": 5}}"));
    try (Stream<LogLine> stream = configApi().logs(5)) {
      List<LogLine> lines = stream.toList();
      assertEquals(List.of("first", "second", "third"), lines.stream().map(LogLine::message).toList());
      assertEquals(List.of(0, 0, 3), lines.stream().map(LogLine::attempt).toList());
    }
  }

  @Test
  void aLogCutShortEndsTheStreamWithATypedException() {
    routes.on("POST /api/v1/jobs/get", new MockResponse.Builder().code(200).setHeader("Content-Type",
        "application/json").body("{\"job\": {\"id\": 5}, \"attempts\": [{\"logs\": {\"logLines\": [\"one\", \"tw")
        .build());
    try (Stream<LogLine> stream = configApi().logs(5)) {
      DetailsUnavailableException e = assertThrows(DetailsUnavailableException.class, stream::toList);
      assertEquals(DetailsUnavailableException.Reason.UNEXPECTED_RESPONSE, e.reason());
    }
    routes.on("POST /api/v1/jobs/get", new MockResponse.Builder().code(200).body("{\"attempts\": [{\"logs\": "
        + "{\"logLines\": [\"one\", ").onResponseBody(new SocketEffect.CloseSocket()).build());
    try (Stream<LogLine> stream = configApi().logs(5)) {
      assertThrows(DetailsUnavailableException.class, stream::toList);
    }
  }

  @Test
  void detailsWithMissingAndUnknownValuesAreReadAsFarAsTheyGo() {
    routes.on("POST /api/v1/jobs/get_without_logs", json(200, "{\"job\": {\"id\": 9, \"configType\": \"sync\","
        + " \"configId\": \"not-a-uuid\", \"status\": \"failed\", \"createdAt\": 1765076400, \"future\": true},"
        + " \"attempts\": [{\"attempt\": {\"id\": 0, \"status\": \"paused\", \"createdAt\": 1765076400,"
        + " \"failureSummary\": {\"failures\": [{\"failureOrigin\": \"quantum\", \"timestamp\": 1765076400000,"
        + " \"externalMessage\": \"password=planted-pw-55 rejected\"}]}}}]}"));

    JobDetails details = configApi().jobDetails(9);

    assertEquals(9, details.jobId());
    assertNull(details.connectionId());
    assertEquals(AttemptStatus.UNKNOWN, details.attempts().get(0).status());
    JobFailure failure = details.failure().orElseThrow();
    assertEquals(FailureOrigin.UNKNOWN, failure.origin());
    assertEquals(FailureType.UNKNOWN, failure.type());
    assertFalse(failure.message().contains("planted-pw-55"), failure.message());
    assertEquals("job 9 failed after 1 attempt: unknown unknown: password=██ rejected", details.summary());
  }

  @Test
  void aServerErrorIsAFailureAndItsBodyIsMasked() {
    routes.on("POST /api/v1/jobs/get_without_logs", json(500, "{\"message\": \"boom\", \"token\": \"planted-55\"}"));
    DetailsUnavailableException e = assertThrows(DetailsUnavailableException.class, () -> configApi().jobDetails(3));
    assertEquals(DetailsUnavailableException.Reason.FAILED, e.reason());
    assertTrue(e.getMessage().contains("status 500") && e.getMessage().contains("boom"), e.getMessage());
    assertFalse(e.getMessage().contains("planted-55"), e.getMessage());
  }

  @Test
  void theListenerHearsConfigApiCallsByTheirOwnOperationIdsWithStatusAndFailure() {
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    InternalConfigApi configApi = track(builder().credentials(Credentials.bearerToken("planted-token-1234"))
        .internalConfigApiUrl(server.url("/api/v1").toString()).listener(new AirbyteListener() {
          @Override
          public void onRequestStart(RequestStart start) {
            heard.add("start " + start.operationId() + " " + start.method() + " " + start.path());
          }

          @Override
          public void onRequestEnd(RequestEnd end) {
            heard.add("end " + end.operationId() + " " + end.statusCode() + " "
                + (end.failure() == null ? "ok" : end.failure().getClass().getSimpleName()));
          }
        }).build()).internalConfigApi();
    routes.on("POST /api/v1/jobs/get_without_logs", json(200, "{\"job\": {\"id\": 9, \"status\": \"failed\"},"
        + " \"attempts\": []}"));
    routes.on("POST /api/v1/attempt/get_for_job", json(404, "{\"message\": \"no such attempt\"}"));

    configApi.jobDetails(9);
    assertThrows(DetailsUnavailableException.class, () -> configApi.attempt(9, 4));

    assertEquals(List.of(
        "start internal.getJobInfoWithoutLogs POST /api/v1/jobs/get_without_logs",
        "end internal.getJobInfoWithoutLogs 200 ok",
        "start internal.getAttemptForJob POST /api/v1/attempt/get_for_job",
        "end internal.getAttemptForJob 404 DetailsUnavailableException"), heard);
  }

  @Test
  void aNegativeJobIdIsRefusedBeforeAnythingIsSent() {
    InternalConfigApi configApi = configApi();
    assertThrows(IllegalArgumentException.class, () -> configApi.jobDetails(-1));
    assertThrows(IllegalArgumentException.class, () -> configApi.logs(-1));
    assertThrows(IllegalArgumentException.class, () -> configApi.attempt(1, -1));
    assertEquals(0, server.getRequestCount());
  }
}
