package io.github.airbytejava.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.airbytejava.generated.api.ConnectionsApi;
import io.github.airbytejava.generated.api.JobsApi;
import io.github.airbytejava.generated.api.SourcesApi;
import io.github.airbytejava.generated.model.ConnectionPatchRequest;
import io.github.airbytejava.generated.model.JobOrderByEnum;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.JobsResponse;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Airbyte changes its API under its clients: these are the changes that broke the official SDKs, each made
 * through a real call of a generated API against a loopback server.
 */
class ApiEvolutionTest {
  private static final String CONNECTION_ID = "e735894a-e773-4938-969f-45f53957b75b";
  private static final String SOURCE_ID = "0c31738c-0b2d-4887-b506-e2cd1c39cc35";

  private MockWebServer server;
  private PlainTransport transport;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    transport = new PlainTransport(server.url("/v1"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private void respond(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  @Test
  void fieldsTheSpecDoesNotKnowParseAndStayReadable() throws Exception {
    respond("{\"jobId\":7,\"status\":\"running\",\"jobType\":\"sync\",\"startTime\":\"2026-11-28T10:00:00Z\","
        + "\"connectionId\":\"" + CONNECTION_ID + "\",\"brandNewField\":\"hello\",\"nested\":{\"a\":1}}");

    JobResponse job = new JobsApi(transport).getJob(7L).execute();

    assertEquals(JobStatusEnum.RUNNING, job.getStatus());
    assertEquals("hello", job.getAdditionalProperty("brandNewField"));
    assertEquals(Map.of("a", 1L), job.getAdditionalProperty("nested"));
  }

  @Test
  void unknownFieldsInListItemsAndEnvelopeParse() throws Exception {
    respond("{\"data\":[{\"jobId\":1,\"status\":\"succeeded\",\"jobType\":\"sync\",\"startTime\":\"x\","
        + "\"connectionId\":\"" + CONNECTION_ID + "\",\"attempts\":3}],\"next\":\"\",\"totalCount\":1}");

    JobsResponse page = new JobsApi(transport).listJobs().execute();

    assertEquals(1, page.getData().size());
    assertEquals(3L, page.getData().get(0).getAdditionalProperty("attempts"));
    assertEquals(1L, page.getAdditionalProperty("totalCount"));
  }

  @Test
  void enumValueTheSpecDoesNotKnowParsesAndTheRawValueStaysReadable() throws Exception {
    respond("{\"jobId\":7,\"status\":\"paused_by_new_feature\",\"jobType\":\"sync\",\"startTime\":\"x\","
        + "\"connectionId\":\"" + CONNECTION_ID + "\"}");

    JobResponse job = new JobsApi(transport).getJob(7L).execute();

    assertEquals(JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API, job.getStatus());
    assertEquals("paused_by_new_feature", job.getAdditionalProperty("status"));
    assertEquals(JobTypeEnum.SYNC, job.getJobType());
    // Written back, it is the server's value again, not the client's placeholder.
    assertEquals(true, job.toJson().contains("\"status\":\"paused_by_new_feature\""), job.toJson());
  }

  @Test
  void missingRequiredFieldReadsAsNullInsteadOfFailingTheCall() throws Exception {
    respond("{\"jobId\":7,\"status\":\"queued\",\"jobType\":\"sync\"}");

    JobResponse job = new JobsApi(transport).getJob(7L).execute();

    assertEquals(JobStatusEnum.QUEUED, job.getStatus());
    assertNull(job.getConnectionId());
    assertNull(job.getStartTime());
  }

  @Test
  void freeFormConfigurationRoundTripsNumbersExactly() throws Exception {
    respond("{\"sourceId\":\"" + SOURCE_ID + "\",\"name\":\"pg\",\"sourceType\":\"postgres\","
        + "\"workspaceId\":\"" + CONNECTION_ID + "\",\"definitionId\":\"" + CONNECTION_ID + "\",\"createdAt\":1717969830000,"
        + "\"configuration\":{\"port\":5432,\"big\":9007199254740993,\"ratio\":0.5,\"nested\":{\"ports\":[1,2]}}}");
    SourcesApi sources = new SourcesApi(transport);
    SourceResponse source = sources.getSource(UUID.fromString(SOURCE_ID)).execute();
    Map<String, Object> configuration = source.getConfiguration();

    respond("{\"sourceId\":\"" + SOURCE_ID + "\",\"name\":\"pg\",\"sourceType\":\"postgres\"}");
    sources.patchSource(UUID.fromString(SOURCE_ID), new SourcePatchRequest().configuration(configuration)).execute();

    server.takeRequest();
    String sent = server.takeRequest().getBody().utf8();
    assertEquals("{\"configuration\":{\"port\":5432,\"big\":9007199254740993,\"ratio\":0.5,\"nested\":{\"ports\":[1,2]}}}", sent);
  }

  @Test
  void patchBuiltWithOnlyANameSendsOnlyThatName() throws Exception {
    respond("{\"connectionId\":\"" + CONNECTION_ID + "\",\"name\":\"renamed\"}");

    new ConnectionsApi(transport).patchConnection(UUID.fromString(CONNECTION_ID), new ConnectionPatchRequest().name("renamed"))
        .execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("PATCH", request.getMethod());
    assertEquals("/v1/connections/" + CONNECTION_ID, request.getUrl().encodedPath());
    assertEquals("{\"name\":\"renamed\"}", request.getBody().utf8());
  }

  @Test
  void badArgumentsAreRejectedBeforeAnythingIsSent() {
    SourcesApi sources = new SourcesApi(transport);

    IllegalArgumentException nullId = assertThrows(IllegalArgumentException.class, () -> sources.getSource(null));
    IllegalArgumentException overLimit =
        assertThrows(IllegalArgumentException.class, () -> sources.listSources().limit(101));
    IllegalArgumentException negativeOffset =
        assertThrows(IllegalArgumentException.class, () -> sources.listSources().offset(-1));

    IllegalArgumentException blankId = assertThrows(IllegalArgumentException.class,
        () -> new io.github.airbytejava.generated.api.ApplicationsApi(transport).getApplication(" "));

    assertEquals("getSource: the required parameter 'sourceId' is null", nullId.getMessage());
    assertEquals("getApplication: the path parameter 'applicationId' is blank", blankId.getMessage());
    assertEquals("listSources: 'limit' must be at most 100, was 101", overLimit.getMessage());
    assertEquals("listSources: 'offset' must be at least 0, was -1", negativeOffset.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void listFiltersAreSentAsTheSpecNamesThem() throws Exception {
    respond("{\"data\":[]}");

    new JobsApi(transport).listJobs().connectionId(UUID.fromString(CONNECTION_ID)).limit(100).offset(200)
        .jobType(JobTypeEnum.SYNC).status(JobStatusEnum.RUNNING).orderBy(JobOrderByEnum.UPDATED_AT_DESC).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals(CONNECTION_ID, request.getUrl().queryParameter("connectionId"));
    assertEquals(List.of("100", "200", "sync", "running", "updatedAt|DESC"), List.of(
        request.getUrl().queryParameter("limit"), request.getUrl().queryParameter("offset"),
        request.getUrl().queryParameter("jobType"), request.getUrl().queryParameter("status"),
        request.getUrl().queryParameter("orderBy")));
  }
}
