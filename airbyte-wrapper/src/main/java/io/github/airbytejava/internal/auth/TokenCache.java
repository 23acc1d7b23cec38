package io.github.airbytejava.internal.auth;

import io.github.airbytejava.AccessToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.DoubleSupplier;

/**
 * One cached token, refreshed ahead of expiry (see {@link TokenLifetime} for the schedule).
 *
 * <p>Every refresh, early or mandatory, runs as one task on {@code refreshExecutor} and is published as one
 * future: callers that need a token wait on it (so N callers cause one token request and all get its result or
 * its error), callers whose token is still valid never wait. The early refresh runs on the background thread
 * rather than on a calling thread that wins the race, so that no caller with a valid token pays for a token
 * request; the mandatory one runs there too, so that a waiting caller's interrupt only ends its own wait.
 */
final class TokenCache {

  /** Fetches a new token; failures reach every waiting caller through {@link TokenUnavailable}. */
  @FunctionalInterface
  interface Fetcher {
    AccessToken fetch() throws IOException;
  }

  /** No token could be had; the cause is what the fetch threw, shared by every caller that waited for it. */
  static final class TokenUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    TokenUnavailable(Throwable cause) {
      super(cause);
    }
  }

  private final Fetcher fetcher;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final Executor refreshExecutor;

  private final Object lock = new Object();
  /** Read without the lock on the fast path; written under it. */
  private volatile CachedToken current;
  /** The refresh in progress, or null. Guarded by {@link #lock}. */
  private CompletableFuture<CachedToken> inFlight;
  /** After a failed refresh, early refreshes wait until then. Guarded by {@link #lock}. */
  private Instant earlyRefreshNotBefore = Instant.MIN;
  private volatile boolean closed;

  TokenCache(Fetcher fetcher, Clock clock, DoubleSupplier jitter, Executor refreshExecutor) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.jitter = jitter;
    this.refreshExecutor = refreshExecutor;
  }

  /** A token to send now: the cached one while it is valid, otherwise the result of the (shared) refresh. */
  CachedToken get() throws TokenUnavailable, InterruptedIOException {
    CachedToken token = current;
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.mustRefreshAt())) {
      if (!now.isBefore(token.refreshAt())) {
        startEarlyRefresh(token, now);
      }
      return token;
    }
    return await(mandatoryRefresh());
  }

  /**
   * Drops {@code rejected} if it is still the cached token. The comparison matters: when many calls fail with the
   * same token at once, the first drops it and the others find the new token (or wait for its fetch), instead of
   * each dropping the token the previous one just fetched.
   */
  void invalidate(CachedToken rejected) {
    synchronized (lock) {
      if (current == rejected) {
        current = null;
      }
    }
  }

  /** Stops early refreshes and the refresh thread; a caller that needs a token still fetches one itself. */
  void close() {
    closed = true;
    if (refreshExecutor instanceof ExecutorService) {
      // shutdown, not shutdownNow: a refresh in progress finishes, and the callers waiting for it get its result.
      ((ExecutorService) refreshExecutor).shutdown();
    }
  }

  private void startEarlyRefresh(CachedToken seen, Instant now) {
    CompletableFuture<CachedToken> flight;
    synchronized (lock) {
      // current != seen: a refresh finished since this caller read the token; the new one is not due yet.
      if (closed || inFlight != null || current != seen || now.isBefore(earlyRefreshNotBefore)) {
        return;
      }
      flight = new CompletableFuture<>();
      inFlight = flight;
    }
    launch(flight);
  }

  private CompletableFuture<CachedToken> mandatoryRefresh() {
    CompletableFuture<CachedToken> flight;
    synchronized (lock) {
      CachedToken token = current;
      if (token != null && clock.instant().isBefore(token.mustRefreshAt())) {
        return CompletableFuture.completedFuture(token); // refreshed while this caller waited for the lock
      }
      if (inFlight != null) {
        return inFlight; // join the refresh in progress: one token request for every caller
      }
      flight = new CompletableFuture<>();
      inFlight = flight;
    }
    launch(flight);
    return flight;
  }

  private void launch(CompletableFuture<CachedToken> flight) {
    Runnable task = () -> refresh(flight);
    try {
      refreshExecutor.execute(task);
    } catch (RejectedExecutionException closedMeanwhile) {
      // After close(): someone may be waiting on this flight, so fetch on the caller's thread rather than drop it.
      task.run();
    }
  }

  private void refresh(CompletableFuture<CachedToken> flight) {
    Instant requestedAt = clock.instant();
    CachedToken fresh;
    try {
      AccessToken token = fetcher.fetch();
      if (token == null) {
        throw new IOException("the token fetch returned null");
      }
      fresh = CachedToken.of(token, requestedAt, jitter.getAsDouble());
    } catch (Throwable failure) { // anything, so that no waiting caller is left hanging
      synchronized (lock) {
        inFlight = null;
        // The old token, if still valid, keeps being served; try again after a pause rather than on every call.
        earlyRefreshNotBefore = clock.instant().plus(TokenLifetime.EARLY_REFRESH_RETRY_DELAY);
      }
      flight.completeExceptionally(failure);
      return;
    }
    synchronized (lock) {
      // Publish before completing, so that a woken caller that asks again finds the new token.
      current = fresh;
      inFlight = null;
    }
    flight.complete(fresh);
  }

  private static CachedToken await(CompletableFuture<CachedToken> flight)
      throws TokenUnavailable, InterruptedIOException {
    try {
      return flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an access token");
    } catch (ExecutionException e) {
      throw new TokenUnavailable(e.getCause());
    }
  }
}
