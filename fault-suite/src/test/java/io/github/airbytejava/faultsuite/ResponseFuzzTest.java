package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.BadRequestException;
import io.github.airbytejava.ConflictException;
import io.github.airbytejava.MalformedResponseException;
import io.github.airbytejava.NotFoundException;
import io.github.airbytejava.PermissionDeniedException;
import io.github.airbytejava.RateLimitException;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.ServerException;
import io.github.airbytejava.UnprocessableEntityException;
import io.github.airbytejava.faultsuite.FaultCheck.Outcome;
import io.github.airbytejava.generated.model.ConnectionsResponse;
import io.github.airbytejava.generated.model.JobsResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Seeded fuzz: well-formed answers of the main get and list operations, corrupted at random ({@link Mutator}),
 * mostly as 200s and sometimes as error statuses. Every case must end, promptly, in a result the caller can use or
 * in exactly the typed exception for its status: {@link MalformedResponseException} for a 2xx, the status's
 * {@link AirbyteException} subclass otherwise. Never a Gson exception, a NullPointerException, an
 * IllegalStateException or IllegalArgumentException, an Error, or a hang.
 *
 * <p>Reproduce a failure with {@code -Dfaultsuite.fuzz.seed=SEED -Dfaultsuite.fuzz.case=N} (both printed).
 */
@ExtendWith(FaultLedger.class)
@Isolated // CPU-bound: alone, so that it neither starves nor is starved by the timed cases
class ResponseFuzzTest {
  static final long SEED = Long.getLong("faultsuite.fuzz.seed", 20261128L);
  static final int CASES = Integer.getInteger("faultsuite.fuzz.cases", 1_200);
  private static final Integer ONLY_CASE = Integer.getInteger("faultsuite.fuzz.case");
  /**
   * A case answers within milliseconds: no retry, no fault of timing. The bound (and the client's read timeout) is
   * loose so that a busy machine does not turn a parse into a timeout.
   */
  private static final Duration CASE_BOUND = Duration.ofSeconds(5);
  private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 409, 422, 429, 500, 502, 503};
  private static final Map<Integer, Class<? extends AirbyteException>> TYPE_FOR_STATUS = Map.of(
      400, BadRequestException.class, 401, AuthenticationException.class, 403, PermissionDeniedException.class,
      404, NotFoundException.class, 409, ConflictException.class, 422, UnprocessableEntityException.class,
      429, RateLimitException.class, 500, ServerException.class, 502, ServerException.class,
      503, ServerException.class);

  /** The operations fuzzed: the main gets and lists, the lists also through the paginator. */
  enum FuzzOp {
    LIST_SOURCES("GET", "/v1/sources", Fixtures.sources(),
        c -> c.sources().listSources().limit(20).offset(0).execute(), c -> c.paginate().sources()),
    GET_SOURCE("GET", "/v1/sources/" + Fixtures.SOURCE, Fixtures.source(),
        c -> c.sources().getSource(Fixtures.SOURCE).execute(), null),
    LIST_JOBS("GET", "/v1/jobs", Fixtures.jobs(),
        c -> c.jobs().listJobs().limit(20).offset(0).execute(),
        c -> c.paginate().jobs(null)),
    GET_JOB("GET", "/v1/jobs/" + Fixtures.JOB, Fixtures.job(), c -> c.jobs().getJob(Fixtures.JOB).execute(), null),
    LIST_CONNECTIONS("GET", "/v1/connections", Fixtures.connections(),
        c -> c.connections().listConnections().limit(20).offset(0).execute(), c -> c.paginate().connections()),
    GET_CONNECTION("GET", "/v1/connections/" + Fixtures.CONNECTION, Fixtures.connection(),
        c -> c.connections().getConnection(Fixtures.CONNECTION).execute(), null);

    final String method;
    final String path;
    final String body;
    final Function<AirbyteClient, Object> direct;
    final Function<AirbyteClient, Stream<?>> paginated;

    FuzzOp(String method, String path, String body, Function<AirbyteClient, Object> direct,
        Function<AirbyteClient, Stream<?>> paginated) {
      this.method = method;
      this.path = path;
      this.body = body;
      this.direct = direct;
      this.paginated = paginated;
    }
  }

  @Test
  void corruptedBodiesEndInAResultOrTheTypedException() throws Exception {
    AtomicReference<MockResponse> answer = new AtomicReference<>();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> endings = new TreeMap<>();
    int tried = 0;
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (Loopback server = new Loopback();
        AirbyteClient client = server.client().retries(RetryPolicy.none()).readTimeout(CASE_BOUND).build()) {
      for (FuzzOp op : FuzzOp.values()) server.on(op.method, op.path, attempt -> answer.get());
      checkBaselines(client, answer);

      for (int n = 0; n < CASES; n++) {
        if (ONLY_CASE != null && ONLY_CASE != n) continue;
        Case fuzz = Case.make(SEED, n);
        answer.set(fuzz.response());
        String caseId = "fuzz seed=" + SEED + " case=#" + n;
        tried++;
        Outcome outcome;
        Future<Outcome> running = caller.submit(() -> FaultCheck.capture(() -> fuzz.call(client)));
        try {
          outcome = running.get(CASE_BOUND.plus(FaultCheck.HANG_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hang) {
          running.cancel(true);
          caller.shutdownNow();
          caller = Executors.newSingleThreadExecutor(); // the stuck thread is abandoned
          outcome = null;
        }
        String problem = outcome == null ? "did not end within " + CASE_BOUND.plus(FaultCheck.HANG_MARGIN).toMillis()
            + " ms (hangs)" : fuzz.problemWith(outcome);
        if (problem == null && outcome.elapsed().compareTo(CASE_BOUND) > 0) {
          problem = "took " + outcome.elapsed().toMillis() + " ms, more than " + CASE_BOUND.toMillis() + " ms";
        }
        if (outcome != null) {
          String ending = !outcome.failed() ? "result" : outcome.error().getClass().getSimpleName();
          if (!outcome.failed() && fuzz.paginate() && ((List<?>) outcome.value()).contains(null)) {
            ending = "result with a null item";
          }
          endings.merge(ending, 1, Integer::sum);
        }
        if (problem == null) {
          FaultLedger.passed(caseId);
        } else {
          failures.add(caseId + " (" + fuzz + "): " + problem);
          FaultLedger.failed(caseId, new AssertionError(problem + " (" + fuzz + ")"));
        }
      }
    } finally {
      caller.shutdownNow();
    }
    FaultLedger.report(String.format(Locale.ROOT, "fault-suite: fuzz seed %d: %,d corrupted responses, %,d handled; endings %s",
        SEED, tried, tried - failures.size(), endings));
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + tried + " fuzz cases failed (reproduce one with -Dfaultsuite.fuzz.seed="
          + SEED + " -Dfaultsuite.fuzz.case=N):\n  " + failures.stream().limit(40).collect(Collectors.joining("\n  "))
          + (failures.size() > 40 ? "\n  ..." : ""));
    }
  }

  /** The uncorrupted answers must work, or the fuzz would test nothing. */
  private static void checkBaselines(AirbyteClient client, AtomicReference<MockResponse> answer) {
    for (FuzzOp op : FuzzOp.values()) {
      answer.set(Responses.json(200, op.body));
      Object result = op.direct.apply(client);
      assertTrue(result != null && touch(result) > 0, op + " baseline");
      if (op.paginated != null) {
        assertTrue(op.paginated.apply(client).count() == 2, op + " paginated baseline");
      }
    }
  }

  /** Reads every part of a result the way calling code would (toString, hashCode, the items); returns a size. */
  static int touch(Object result) {
    result.hashCode();
    int size = String.valueOf(result).length();
    List<?> items = result instanceof SourcesResponse s ? s.getData()
        : result instanceof JobsResponse j ? j.getData()
        : result instanceof ConnectionsResponse c ? c.getData()
        : result instanceof List<?> l ? l : null;
    if (items != null) {
      for (Object item : items) size += String.valueOf(item).length();
    }
    return size;
  }

  /** One fuzz case: an operation, a status, a content type and a corrupted body, all drawn from the case's seed. */
  record Case(FuzzOp op, boolean paginate, int status, String contentType, Mutator.Corrupted body) {
    static Case make(long seed, int n) {
      Random random = new Random(seed ^ (n * 0x9E3779B97F4A7C15L));
      FuzzOp op = FuzzOp.values()[n % FuzzOp.values().length];
      boolean paginate = op.paginated != null && random.nextBoolean();
      int status = random.nextInt(10) == 0 ? ERROR_STATUSES[random.nextInt(ERROR_STATUSES.length)] : 200;
      int type = random.nextInt(10);
      String contentType = type == 0 ? null : type == 1 ? "text/plain; charset=utf-8" : Responses.JSON;
      return new Case(op, paginate, status, contentType, new Mutator(random).corrupt(op.body));
    }

    MockResponse response() {
      MockResponse.Builder builder = new MockResponse.Builder().code(status).body(new Buffer().write(body.body()));
      if (contentType != null) builder.setHeader("Content-Type", contentType);
      return builder.build();
    }

    Object call(AirbyteClient client) {
      if (!paginate) return op.direct.apply(client);
      return op.paginated.apply(client).collect(Collectors.toList());
    }

    /** What is wrong with the outcome, or null. */
    String problemWith(Outcome outcome) {
      Class<? extends AirbyteException> expected = status == 200 ? MalformedResponseException.class
          : TYPE_FOR_STATUS.get(status);
      if (!outcome.failed()) {
        if (status != 200) return "returned " + FaultCheck.brief(outcome.value()) + " for an HTTP " + status;
        try {
          touch(outcome.value());
        } catch (RuntimeException e) {
          return "returned a result whose toString/items throw " + FaultCheck.describe(e);
        }
        return null;
      }
      Throwable error = outcome.error();
      if (error.getClass() != expected) {
        return "expected " + (status == 200 ? "a result or " : "") + expected.getSimpleName() + " but got "
            + FaultCheck.describe(error);
      }
      String message = error.getMessage();
      if (message == null || !message.contains(op.method + " " + op.path) || !message.contains("HTTP " + status)) {
        return expected.getSimpleName() + "'s message does not name \"" + op.method + " " + op.path + "\" and \"HTTP "
            + status + "\": " + message;
      }
      return null;
    }

    @Override
    public String toString() {
      String text = body.text();
      return op + (paginate ? " via paginate()" : "") + ", HTTP " + status + ", " + contentType + ", "
          + String.join("+", body.steps()) + ", body " + FaultCheck.brief(text.length() > 160
          ? text.substring(0, 160) + "..." : text);
    }
  }
}
