package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Uses fakes directly (not the extension), since most tests here make mismatches on purpose. */
class ConformanceTest {

  @Test
  void aCleanSessionHasNoMismatches() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Http http = new Http(fake).login();
      String connectionId = http.createConnection(fake.defaultWorkspaceId().toString());
      http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync"));
      http.get("/jobs?connectionId=" + connectionId + "&limit=5");
      http.get("/sources/" + java.util.UUID.randomUUID()); // a 404 problem conforms too
      http.delete("/connections/" + connectionId);

      fake.assertConformant();
      assertTrue(fake.mismatches().isEmpty());
    }
  }

  @Test
  void aNonConformingAnswerOfTheFakeIsDetected() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Http http = new Http(fake).login();
      String connectionId = http.createConnection(fake.defaultWorkspaceId().toString());
      // A job answer without its required jobId and with a status outside JobStatusEnum.
      fake.tamperResponses(body -> body.contains("\"jobId\"")
          ? body.replaceFirst("\"jobId\":\\d+,", "").replace("\"pending\"", "\"waiting\"") : body);
      http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync"));

      List<String> mismatches = fake.mismatches();
      assertEquals(2, mismatches.size(), mismatches::toString);
      assertTrue(mismatches.get(0).startsWith("response 200 to POST /v1/jobs: "), mismatches::toString);
      assertTrue(String.join("\n", mismatches).contains("jobId"), mismatches::toString);
      assertTrue(String.join("\n", mismatches).contains("waiting"), mismatches::toString);
      AssertionError error = assertThrows(AssertionError.class, fake::assertConformant);
      assertTrue(error.getMessage().startsWith("2 exchange(s) with the fake Airbyte did not match the spec"));
    }
  }

  @Test
  void anErrorAnswerThatIsNotAProblemIsDetected() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Http http = new Http(fake).login();
      fake.tamperResponses(body -> body.contains("\"status\":404") ? "{\"message\":\"Not Found\"}" : body);
      http.get("/sources/" + java.util.UUID.randomUUID());
      // The spec declares this 404, with the Problem schema: the validator itself rejects the Micronaut body.
      assertTrue(fake.mismatches().toString().contains("validation.response.body.schema.additionalProperties"),
          fake.mismatches()::toString);
      fake.clearMismatches();

      // No operation declares 401: the fake's own check wants a problem object there.
      fake.tamperResponses(body -> body.contains("\"status\":401") ? "{\"message\":\"Unauthorized\"}" : body);
      assertEquals(401, new Http(fake).token("unknown").get("/sources").status());
      String all = String.join("\n", fake.mismatches());
      assertTrue(all.contains("response 401 to GET /v1/sources: problem.status"), all);
      assertTrue(all.contains("problem.title"), all);
    }
  }

  @Test
  void nonConformingRequestsAreRecorded() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Http http = new Http(fake).login();
      http.post("/jobs", obj("connectionId", "not-a-uuid", "jobType", "sync"));
      http.get("/jobs?status=waiting");
      // The token URL resolved against the host, without /v1: the official SDKs' bug.
      http.send(new Request.Builder().url("http://127.0.0.1:" + fake.port() + "/applications/token")
          .post(RequestBody.create("{}", Http.JSON)).build());
      // The older docs' token request, without grant-type.
      http.send(new Request.Builder().url(fake.tokenUrl())
          .post(RequestBody.create(obj("client_id", fake.clientId(), "client_secret", fake.clientSecret()).toString(),
              Http.JSON)).build());

      String all = String.join("\n", fake.mismatches());
      assertTrue(all.contains("request POST /v1/jobs: validation.request.body.schema.format.uuid"), all);
      assertTrue(all.contains("request GET /v1/jobs?status=waiting: validation.request.parameter.schema.enum"), all);
      assertTrue(all.contains("request POST /applications/token: not under the base path /v1"), all);
      assertTrue(all.contains("grant-type"), all);
      fake.clearMismatches();
      fake.assertConformant();
    }
  }

  @Test
  void conformanceCanBeTurnedOff() {
    try (FakeAirbyte fake = FakeAirbyte.builder().conformance(false).start()) {
      new Http(fake).login().get("/jobs?status=waiting");
      assertTrue(fake.mismatches().isEmpty());
    }
  }

  @Test
  void selfManagedBasePathIsCheckedAgainstTheSameSpec() {
    try (FakeAirbyte fake = FakeAirbyte.builder().basePath("/api/public/v1").start()) {
      assertTrue(fake.baseUrl().endsWith("/api/public/v1"));
      Http http = new Http(fake).login();
      assertEquals(200, http.get("/workspaces").status());
      http.get("/workspaces?limit=500");
      assertEquals(1, fake.mismatches().size(), fake.mismatches()::toString);
    }
  }
}
