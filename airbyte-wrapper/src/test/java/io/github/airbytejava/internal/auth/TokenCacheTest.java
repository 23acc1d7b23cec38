package io.github.airbytejava.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.airbytejava.AccessToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Interleavings of the token cache that threads hit only by chance, made to happen on one thread. */
class TokenCacheTest {
  private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

  @Test
  void callerHoldingTheOldTokenStartsNoSecondRefreshAfterOneFinished() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(START);
    AtomicReference<Runnable> duringNextClockRead = new AtomicReference<>();
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        Runnable interleaved = duringNextClockRead.getAndSet(null);
        if (interleaved != null) interleaved.run();
        return now.get();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    AtomicInteger fetches = new AtomicInteger();
    // 100-second tokens, no jitter: the early refresh is due at 80 s, callers must wait only from 95 s.
    TokenCache cache = new TokenCache(
        () -> new AccessToken("token-" + fetches.incrementAndGet(), now.get().plusSeconds(100)), clock, () -> 0.0,
        Runnable::run);
    cache.get();
    now.set(START.plusSeconds(90));

    // This caller reads token-1; before it looks at the clock, another caller's early refresh runs to the end.
    duringNextClockRead.set(() -> {
      try {
        cache.get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    cache.get();

    assertEquals(2, fetches.get(), "token requests: the first, and one early refresh");
  }

  @Test
  void aRefreshThatCannotStartFailsItsCallersAndTheNextCallerTriesAgain() {
    AtomicInteger fetches = new AtomicInteger();
    AtomicInteger starts = new AtomicInteger();
    java.util.concurrent.Executor noThreads = task -> {
      if (starts.incrementAndGet() == 1) throw new OutOfMemoryError("unable to create native thread");
      task.run();
    };
    TokenCache cache = new TokenCache(() -> new AccessToken("token-" + fetches.incrementAndGet(),
        START.plusSeconds(900)), Clock.fixed(START, ZoneOffset.UTC), () -> 0.0, noThreads);

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
      TokenCache.TokenUnavailable e =
          org.junit.jupiter.api.Assertions.assertThrows(TokenCache.TokenUnavailable.class, cache::get);
      assertEquals(OutOfMemoryError.class, e.getCause().getClass());
      assertEquals("token-1", cache.get().token().token(), "not left waiting for the refresh that never ran");
    });
  }
}

