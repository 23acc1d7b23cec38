package io.github.airbytejava.faultsuite;

import static io.github.airbytejava.faultsuite.Expectation.fails;
import static io.github.airbytejava.faultsuite.Expectation.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.MalformedResponseException;
import io.github.airbytejava.RateLimitException;
import io.github.airbytejava.ServerException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/**
 * What the API's route does wrong, and what the client must make of it for each {@link Operation}. The client's
 * policy: GET and DELETE are sent again after 429, 502-504 and I/O failures (up to {@link Loopback#MAX_ATTEMPTS});
 * POST and PATCH never once the request may have arrived, except {@code POST /jobs} after a 429, which created no
 * job ({@link Operation#resendsAfter429()}); a 2xx body that does not parse is a
 * {@link MalformedResponseException}.
 */
enum ServerFault {
  RATE_LIMITED_RETRY_AFTER_1S("429 with Retry-After: 1, then 200") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return attempt == 1 ? rateLimited("1") : op.ok();
    }

    @Override
    Expectation expect(Operation op) {
      return op.idempotent() || op.resendsAfter429() ? succeeds(2).waitsAtLeast(Duration.ofSeconds(1))
          : fails(RateLimitException.class, 429, 1).and(e ->
              assertEquals(Duration.ofSeconds(1), ((RateLimitException) e).getRetryAfter(), "getRetryAfter()"));
    }
  },

  RATE_LIMITED_NO_RETRY_AFTER("429 without Retry-After, every time") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return rateLimited(null);
    }

    @Override
    Expectation expect(Operation op) {
      return fails(RateLimitException.class, 429, op.idempotent() || op.resendsAfter429() ? Loopback.MAX_ATTEMPTS : 1);
    }
  },

  RATE_LIMITED_RETRY_AFTER_1H("429 with Retry-After: 3600, longer than the policy's maxDelay") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return rateLimited("3600");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(RateLimitException.class, 429, 1).and(e ->
          assertEquals(Duration.ofHours(1), ((RateLimitException) e).getRetryAfter(), "getRetryAfter()"));
    }
  },

  STATUS_500("500 problem, every time") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.problem(500, "unexpected-problem", "An unexpected problem has occurred.");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(ServerException.class, 500, 1); // 500 is not among the statuses retried
    }
  },

  STATUS_502("502, every time") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.problem(502, "bad-gateway", "Upstream closed the connection.");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(ServerException.class, 502, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1);
    }
  },

  STATUS_503("503, every time") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.problem(503, "service-unavailable", "Try again later.");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(ServerException.class, 503, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1);
    }
  },

  STATUS_504("504, every time") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.problem(504, "gateway-timeout", "Upstream timed out.");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(ServerException.class, 504, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1);
    }
  },

  STATUS_503_ONCE("503 once, then 200") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return attempt == 1 ? Responses.problem(503, "service-unavailable", "Try again later.") : op.ok();
    }

    @Override
    Expectation expect(Operation op) {
      return op.idempotent() ? succeeds(2) : fails(ServerException.class, 503, 1);
    }
  },

  HTML_ERROR_PAGE_502("a proxy's HTML 502 page, every time") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.html(502, "502 Bad Gateway");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(ServerException.class, 502, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1)
          .and(e -> assertTrue(e.getMessage().contains("502 Bad Gateway"), "the page's title: " + e.getMessage()));
    }
  },

  HTML_PAGE_200("200 with an HTML page (the web app, not the API)") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.html(200, "Airbyte | Sign in");
    }

    @Override
    Expectation expect(Operation op) {
      return !op.readsBody() ? succeeds(1) : fails(MalformedResponseException.class, 200, 1)
          .and(e -> assertTrue(e.getMessage().contains("HTML"), "says it is HTML: " + e.getMessage()));
    }
  },

  EMPTY_BODY_200("200 with an empty body") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.raw(200, Responses.JSON, "");
    }

    @Override
    Expectation expect(Operation op) {
      return bodyFault(op);
    }
  },

  EMPTY_BODY_500("500 with an empty body and no content type") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.raw(500, null, "");
    }

    @Override
    Expectation expect(Operation op) {
      return fails(ServerException.class, 500, 1);
    }
  },

  TRUNCATED_BODY("200 with the JSON cut off after 60 %") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      String body = wellFormed(op);
      return Responses.json(200, body.substring(0, body.length() * 6 / 10));
    }

    @Override
    Expectation expect(Operation op) {
      return bodyFault(op);
    }
  },

  MALFORMED_JSON("200 with malformed JSON (a comma missing)") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.json(200, wellFormed(op).replaceFirst(",", " "));
    }

    @Override
    Expectation expect(Operation op) {
      return bodyFault(op);
    }
  },

  ARRAY_FOR_OBJECT("200 with an array where an object is expected") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.json(200, "[" + wellFormed(op) + "]");
    }

    @Override
    Expectation expect(Operation op) {
      return bodyFault(op);
    }
  },

  STRING_FOR_OBJECT("200 with a JSON string where an object is expected") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.json(200, "\"created\"");
    }

    @Override
    Expectation expect(Operation op) {
      return bodyFault(op);
    }
  },

  NUMBER_FOR_UUID("200 with a number where a uuid is expected") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.json(200, wellFormed(op).replaceFirst("\"[0-9a-f]{8}-[0-9a-f-]{27}\"", "12345"));
    }

    @Override
    Expectation expect(Operation op) {
      return bodyFault(op);
    }
  },

  RESET_BEFORE_RESPONSE("connection closed after the request was read, before any response") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.dropBeforeResponse();
    }

    @Override
    Expectation expect(Operation op) {
      return fails(AirbyteTransportException.class, null, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1);
    }
  },

  RESET_MID_BODY("connection closed halfway through a 200 body") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.resetMidBody(200, wellFormed(op));
    }

    @Override
    Expectation expect(Operation op) {
      // RetryPolicy: GET is retried on "I/O failures (refused connection, timeout, broken connection)".
      if (!op.readsBody()) return succeeds(1); // deleteSource never reads the body
      return fails(AirbyteTransportException.class, null, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1);
    }
  },

  BODY_SLOWER_THAN_READ_TIMEOUT("200 headers at once, the body 1.5 s late (read timeout 500 ms)") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.json(200, wellFormed(op)).newBuilder().bodyDelay(1500, TimeUnit.MILLISECONDS).build();
    }

    @Override
    Expectation expect(Operation op) {
      if (!op.readsBody()) return succeeds(1);
      return fails(AirbyteTransportException.class, null, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1)
          .timesOutEachAttempt();
    }
  },

  SLOWER_THAN_READ_TIMEOUT("a 200 sent 1.5 s late (read timeout 500 ms)") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.slow(op.ok(), Duration.ofMillis(1500));
    }

    @Override
    Expectation expect(Operation op) {
      return fails(AirbyteTransportException.class, null, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1)
          .timesOutEachAttempt();
    }
  },

  NEVER_ANSWERS("the server reads the request and never answers") {
    @Override
    MockResponse respond(Operation op, int attempt) {
      return Responses.neverAnswers();
    }

    @Override
    Expectation expect(Operation op) {
      return fails(AirbyteTransportException.class, null, op.idempotent() ? Loopback.MAX_ATTEMPTS : 1)
          .timesOutEachAttempt();
    }
  };

  final String description;

  ServerFault(String description) {
    this.description = description;
  }

  abstract MockResponse respond(Operation op, int attempt);

  abstract Expectation expect(Operation op);

  /** A 2xx body that does not parse: the client must say so, except where it never reads the body. */
  private static Expectation bodyFault(Operation op) {
    return op.readsBody() ? fails(MalformedResponseException.class, 200, 1) : succeeds(1);
  }

  /** The operation's own answer, or a source for the delete, which has none. */
  private static String wellFormed(Operation op) {
    return op.readsBody() ? op.okBody() : Fixtures.source();
  }

  private static MockResponse rateLimited(String retryAfter) {
    MockResponse response = Responses.problem(429, "rate-limited", "Too many requests.");
    return retryAfter == null ? response : response.newBuilder().setHeader("Retry-After", retryAfter).build();
  }

  @Override
  public String toString() {
    return description;
  }
}
