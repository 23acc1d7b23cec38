package io.github.airbytejava.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.airbytejava.generated.api.ApplicationsApi;
import io.github.airbytejava.generated.api.JobsApi;
import io.github.airbytejava.generated.api.OAuthApi;
import io.github.airbytejava.generated.api.UsersApi;
import io.github.airbytejava.generated.api.WorkspacesApi;
import io.github.airbytejava.generated.invoker.ApiOperation;
import io.github.airbytejava.generated.model.ActorTypeEnum;
import io.github.airbytejava.generated.model.JobStatusEnum;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the request objects put their parameters on the wire. */
class RequestObjectTest {
  private static final UUID WORKSPACE = UUID.fromString("e735894a-e773-4938-969f-45f53957b75b");

  private MockWebServer server;
  private PlainTransport transport;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    transport = new PlainTransport(server.url("/api/public/v1"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private RecordedRequest sent() throws InterruptedException {
    return server.takeRequest();
  }

  private void respond(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body)
        .build());
  }

  @Test
  void aPathParameterIsOneEncodedSegmentAfterTheBasePath() throws Exception {
    respond(204, "");
    new WorkspacesApi(transport).deleteWorkspaceOAuthCredentials(WORKSPACE, ActorTypeEnum.SOURCE, "a/b c").execute();

    assertEquals("/api/public/v1/workspaces/" + WORKSPACE + "/oauthCredentials/source/a%2Fb%20c",
        sent().getUrl().encodedPath());
  }

  @Test
  void listsRepeatTheParameterAndEmptyListsAndUnsetOptionsAreLeftOut() throws Exception {
    respond(200, "{\"data\":[]}");
    new UsersApi(transport).listUsersWithinAnOrganization(WORKSPACE).emails(List.of("a@x.io", "b@x.io"))
        .ids(List.of()).execute();

    assertEquals("/api/public/v1/users?organizationId=" + WORKSPACE + "&emails=a%40x.io&emails=b%40x.io",
        sent().getTarget());
  }

  @Test
  void aFreeFormQueryObjectIsOneParameterPerEntry() throws Exception {
    respond(200, "{}");
    Map<String, String> callback = new LinkedHashMap<>();
    callback.put("code", "c-1");
    callback.put("state", "s-2");
    new OAuthApi(transport).oauthCallback().queryParams(callback).execute();

    assertEquals("/api/public/v1/oauth/callback?code=c-1&state=s-2", sent().getTarget());
  }

  @Test
  void dateTimesAreSentInIso8601WithTheirOffset() throws Exception {
    respond(200, "{\"data\":[]}");
    new JobsApi(transport).listJobs().createdAtStart(OffsetDateTime.parse("2026-11-28T10:00Z"))
        .status(JobStatusEnum.SUCCEEDED).execute();

    assertEquals("2026-11-28T10:00:00Z", sent().getUrl().queryParameter("createdAtStart"));
  }

  @Test
  void theEnumPlaceholderForUnknownValuesIsNeverSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JobsApi(transport).listJobs().status(JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API).execute());
    assertEquals("JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API stands for a value the server sent that this client does"
        + " not know; it cannot be sent", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theRequestIsTaggedWithItsOperation() throws Exception {
    ApiOperation[] seen = new ApiOperation[1];
    PlainTransport spy = new PlainTransport(server.url("/v1")) {
      @Override
      public <T> T execute(ApiOperation operation, okhttp3.Request request, java.lang.reflect.Type type) {
        seen[0] = request.tag(ApiOperation.class);
        return super.execute(operation, request, type);
      }
    };
    respond(200, "{\"applicationId\":\"a-1\"}");
    new ApplicationsApi(spy).getApplication("a-1").execute();

    assertEquals(new ApiOperation("getApplication", "GET", "/applications/{applicationId}", true), seen[0]);
    assertEquals("/v1/applications/a-1", sent().getUrl().encodedPath());
  }
}
