package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;

/** The client operations every fault is applied to: one per HTTP method, two for GET and for POST. */
enum Operation {
  GET_SOURCE("getSource", "GET", "/v1/sources/" + Fixtures.SOURCE) {
    @Override
    Object call(AirbyteClient client) {
      return client.sources().getSource(Fixtures.SOURCE).execute();
    }

    @Override
    String okBody() {
      return Fixtures.source();
    }

    @Override
    void checkResult(Object result) {
      assertEquals(Fixtures.SOURCE, ((SourceResponse) result).getSourceId());
    }
  },

  /** Through {@code client.paginate()}: a short page of two, so one request. */
  LIST_SOURCES("paginate().sources()", "GET", "/v1/sources") {
    @Override
    Object call(AirbyteClient client) {
      return client.paginate().sources().collect(Collectors.toList());
    }

    @Override
    String okBody() {
      return Fixtures.sources();
    }

    @Override
    void checkResult(Object result) {
      List<?> sources = (List<?>) result;
      assertEquals(List.of(Fixtures.SOURCE, Fixtures.SOURCE_2),
          sources.stream().map(source -> ((SourceResponse) source).getSourceId()).collect(Collectors.toList()));
    }
  },

  CREATE_SOURCE("createSource", "POST", "/v1/sources") {
    @Override
    Object call(AirbyteClient client) {
      return client.sources().createSource(new SourceCreateRequest()
          .name("Postgres production")
          .workspaceId(Fixtures.WORKSPACE)
          .definitionId(Fixtures.DEFINITION)
          .configuration(Map.of("host", "db.internal", "port", 5432, "database", "app"))).execute();
    }

    @Override
    String okBody() {
      return Fixtures.source();
    }

    @Override
    void checkResult(Object result) {
      assertEquals(Fixtures.SOURCE, ((SourceResponse) result).getSourceId());
    }
  },

  /**
   * {@code POST /jobs} through {@code client.syncs().start}: after a 409, a 5xx or no response it looks for an active
   * job with {@code GET /jobs} (answered here with an empty page, so the original failure is thrown).
   */
  START_JOB("syncs().start", "POST", "/v1/jobs") {
    @Override
    Object call(AirbyteClient client) {
      return client.syncs().start(Fixtures.CONNECTION).job();
    }

    @Override
    String okBody() {
      return Fixtures.job(Fixtures.JOB, "pending");
    }

    @Override
    void checkResult(Object result) {
      assertEquals(Fixtures.JOB, ((JobResponse) result).getJobId());
    }
  },

  PATCH_SOURCE("patchSource", "PATCH", "/v1/sources/" + Fixtures.SOURCE) {
    @Override
    Object call(AirbyteClient client) {
      return client.sources().patchSource(Fixtures.SOURCE, new SourcePatchRequest().name("Postgres primary")).execute();
    }

    @Override
    String okBody() {
      return Fixtures.source(Fixtures.SOURCE, "Postgres primary");
    }

    @Override
    void checkResult(Object result) {
      assertEquals("Postgres primary", ((SourceResponse) result).getName());
    }
  },

  /** Answers 204 without a body; its Java method returns nothing, so a 2xx body is never read. */
  DELETE_SOURCE("deleteSource", "DELETE", "/v1/sources/" + Fixtures.SOURCE) {
    @Override
    Object call(AirbyteClient client) {
      client.sources().deleteSource(Fixtures.SOURCE).execute();
      return null;
    }

    @Override
    MockResponse ok() {
      return Responses.noContent();
    }

    @Override
    String okBody() {
      return "";
    }

    @Override
    void checkResult(Object result) {
      assertNull(result);
    }
  };

  /** The route {@code syncs().start} looks up active jobs on. */
  static final String JOBS_LOOKUP_PATH = "/v1/jobs";

  final String javaName;
  final String method;
  final String path;

  Operation(String javaName, String method, String path) {
    this.javaName = javaName;
    this.method = method;
    this.path = path;
  }

  abstract Object call(AirbyteClient client);

  /** The body of a successful answer. */
  abstract String okBody();

  /** Checks what a successful call returned. */
  abstract void checkResult(Object result);

  MockResponse ok() {
    return Responses.json(200, okBody());
  }

  /** Whether the client's policy lets it send this method again: GET and DELETE. */
  boolean idempotent() {
    return method.equals("GET") || method.equals("DELETE");
  }

  /** Whether a 429 is answered by sending again: {@code syncs().start}, since a refused POST /jobs created no job. */
  boolean resendsAfter429() {
    return this == START_JOB;
  }

  /** Whether the Java method returns the body; deleteSource returns void and never reads it. */
  boolean readsBody() {
    return this != DELETE_SOURCE;
  }

  /** Routes this operation on {@code server}: its own route with {@code responder}, plus the job lookup. */
  void route(Loopback server, Loopback.Responder responder) {
    server.on(method, path, responder);
    if (this == START_JOB) {
      server.on("GET", JOBS_LOOKUP_PATH, attempt -> Responses.json(200, Fixtures.emptyPage()));
    }
  }

  @Override
  public String toString() {
    return javaName + " (" + method + ")";
  }
}
