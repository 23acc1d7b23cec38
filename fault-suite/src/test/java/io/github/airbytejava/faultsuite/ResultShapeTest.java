package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.MalformedResponseException;
import io.github.airbytejava.SyncOptions;
import io.github.airbytejava.generated.model.JobTypeEnum;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answers that parse, but that the wrapper's own helpers (the paginator, sync-and-wait) must not trip over: they
 * must end in a usable result or a typed exception, never a NullPointerException of their own.
 */
@ExtendWith(FaultLedger.class)
class ResultShapeTest {

  /** {@code data: [null, ...]}: the stream promises non-null items (Spliterator.NONNULL). */
  @Test
  void aPageWithANullItemYieldsNoNullItemFromThePaginator() {
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      server.on("GET", "/v1/sources", attempt -> Responses.json(200, Fixtures.page("null", Fixtures.source())));
      FaultCheck.run("NULL_ITEM x LIST_SOURCES", Expectation.PROMPT,
          () -> client.paginate().sources().collect(Collectors.toList()), outcome -> {
            if (outcome.failed()) {
              FaultCheck.assertThrew(outcome, MalformedResponseException.class, "GET", "/v1/sources", 200);
            } else {
              List<?> items = (List<?>) outcome.value();
              assertFalse(items.contains(null), "paginate().sources() yielded a null item: "
                  + items.stream().map(item -> item == null ? "null" : "a SourceResponse").collect(Collectors.toList()));
            }
          });
    }
  }

  /**
   * {@code POST /jobs} answered 200 with a job without {@code jobId} (the generated models read a missing field as
   * null): sync-and-wait cannot poll it and must say so with a typed exception that names the call.
   */
  @Test
  void syncsRunOnAJobWithoutJobIdEndsInATypedException() {
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      server.on("POST", "/v1/jobs", attempt -> Responses.json(200,
          "{\"status\":\"pending\",\"jobType\":\"sync\",\"startTime\":\"2026-11-28T10:00:00Z\",\"connectionId\":\""
              + Fixtures.CONNECTION + "\"}"));
      FaultCheck.run("JOB_WITHOUT_ID x SYNCS_RUN", Expectation.PROMPT,
          () -> client.syncs().run(Fixtures.CONNECTION, JobTypeEnum.SYNC, SyncOptions.defaults()).job(), outcome -> {
            if (!(outcome.error() instanceof AirbyteException)) {
              fail("expected an AirbyteException naming POST /v1/jobs, got " + FaultCheck.describe(outcome),
                  outcome.error());
            }
            assertEquals(true, outcome.error().getMessage().contains("/v1/jobs"),
                "names the call: " + outcome.error().getMessage());
            assertEquals(1, server.count("POST", "/v1/jobs"), "POST /jobs sent once");
          });
    }
  }
}
