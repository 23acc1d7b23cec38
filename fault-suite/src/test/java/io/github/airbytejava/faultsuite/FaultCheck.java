package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.airbytejava.AirbyteException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one fault case: the call on another thread (so a hang fails the case instead of the build), the elapsed time
 * against the case's bound, then the case's own checks; the outcome goes to the {@link FaultLedger}.
 */
final class FaultCheck {
  /** How long past its bound a call may run before it counts as hung and is abandoned. */
  static final Duration HANG_MARGIN = Duration.ofSeconds(3);

  private FaultCheck() {}

  /** What a call did: returned {@code value}, or threw {@code error}, after {@code elapsed}. */
  record Outcome(Object value, Throwable error, Duration elapsed) {
    boolean failed() {
      return error != null;
    }
  }

  /**
   * Runs {@code call}, requires it to end within {@code bound}, then runs {@code verify}. Any assertion failure is
   * recorded against {@code caseId} and rethrown.
   */
  static Outcome run(String caseId, Duration bound, Callable<?> call, Consumer<Outcome> verify) {
    try {
      Outcome outcome = assertTimeoutPreemptively(bound.plus(HANG_MARGIN), () -> capture(call),
          () -> caseId + ": the call did not end within " + bound.plus(HANG_MARGIN).toMillis() + " ms (hangs)");
      verify.accept(outcome);
      if (outcome.elapsed().compareTo(bound) > 0) {
        fail(caseId + ": the call took " + outcome.elapsed().toMillis() + " ms, more than its bound of "
            + bound.toMillis() + " ms; outcome: " + describe(outcome));
      }
      FaultLedger.passed(caseId);
      return outcome;
    } catch (AssertionError | RuntimeException e) {
      FaultLedger.failed(caseId, e);
      throw e;
    }
  }

  static Outcome capture(Callable<?> call) {
    long start = System.nanoTime();
    Object value = null;
    Throwable error = null;
    try {
      value = call.call();
    } catch (Throwable t) { // NOPMD: a fault suite wants to see Errors too (StackOverflowError, ...)
      error = t;
    }
    return new Outcome(value, error, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Fails unless the call threw exactly {@code type}, whose message names the method, the path and the status. */
  static <E extends AirbyteException> E assertThrew(Outcome outcome, Class<E> type, String method, String path,
      Integer status) {
    if (!outcome.failed()) {
      fail("expected " + type.getSimpleName() + " but the call returned " + brief(outcome.value()));
    }
    Throwable error = outcome.error();
    if (error.getClass() != type) {
      fail("expected exactly " + type.getSimpleName() + " but got " + describe(error), error);
    }
    String message = error.getMessage();
    if (message == null || !message.contains(method + " " + path)) {
      fail(type.getSimpleName() + "'s message does not name \"" + method + " " + path + "\": " + message, error);
    }
    if (status != null && !message.contains("HTTP " + status)) {
      fail(type.getSimpleName() + "'s message does not name the status \"HTTP " + status + "\": " + message, error);
    }
    return type.cast(error);
  }

  /** Fails unless the call returned normally. */
  static void assertReturned(Outcome outcome) {
    if (outcome.failed()) {
      fail("expected the call to succeed but it threw " + describe(outcome.error()), outcome.error());
    }
  }

  static String describe(Outcome outcome) {
    return outcome.failed() ? "threw " + describe(outcome.error()) : "returned " + brief(outcome.value());
  }

  /** The exception's class, message and the frames that say where it came from. */
  static String describe(Throwable error) {
    String frames = Arrays.stream(error.getStackTrace()).limit(4).map(StackTraceElement::toString)
        .collect(Collectors.joining(" < "));
    return error.getClass().getName() + ": " + error.getMessage() + " [at " + frames + "]";
  }

  static String brief(Object value) {
    String text = String.valueOf(value).replaceAll("\\s+", " ");
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
