package io.github.airbytejava.internal.auth;


import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.TokenStore;
import io.github.airbytejava.internal.Listeners;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  /** How a caller waits for a refresh: the API calls wait no longer than their deadline, and stop when cancelled. */
  @FunctionalInterface
  interface Waiter {
    CachedToken await(CompletableFuture<CachedToken> flight)
        throws IOException, ExecutionException, InterruptedException;

    /** Waits as long as it takes; for callers without a deadline. */
    Waiter UNTIMED = CompletableFuture::get;
  }

  /** No token could be had; the cause is what the fetch threw, shared by every caller that waited for it. */
  static final class TokenUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    TokenUnavailable(Throwable cause) {
      super(cause);
    }
  }

  /** After the n-th token in a row the API rejects when fresh, no new one is fetched for min(1 s * 2^(n-1), this). */
  static final Duration MAX_REJECTION_BACKOFF = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger("io.github.airbytejava.auth");

  /** A fetch that calls back into the client for an operation that needs the very token being fetched. */
  static final class ReentrantFetch extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ReentrantFetch() {
      super("the token source called this client for an operation that needs the token it is fetching; it would"
          + " wait for itself (the token exchange itself, createAccessToken, needs no token)");
    }
  }

  private final Fetcher fetcher;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final Executor refreshExecutor;
  private final AirbyteListener listener;

  private final Object lock = new Object();
  /** Read without the lock on the fast path; written under it. */
  private volatile CachedToken current;
  /** The refresh in progress, or null. Guarded by {@link #lock}. */
  private CompletableFuture<CachedToken> inFlight;
  /** After a failed refresh, early refreshes wait until then. Guarded by {@link #lock}. */
  private Instant earlyRefreshNotBefore = Instant.MIN;
  /** Fresh tokens the API rejected in a row, and until when a rejected token is not replaced. Guarded by lock. */
  private int rejections;
  private Instant noReplaceBefore = Instant.MIN;
  /** Read without the lock on the fast path: whether {@link #accepted()} has anything to reset. */
  private volatile boolean rejecting;
  /** The thread running a refresh, so that a fetch calling back into the client fails instead of waiting on itself. */
  private volatile Thread refreshing;
  private volatile boolean closed;
  /** Tokens shared with other clients or processes, or null; read once, before the first fetch. */
  private TokenStore store;
  private String storeKey;
  /** Whether the store was read already. Only touched by the refresh task, which runs one at a time. */
  private boolean storeRead;

  TokenCache(Fetcher fetcher, Clock clock, DoubleSupplier jitter, Executor refreshExecutor) {
    this(fetcher, clock, jitter, refreshExecutor, AirbyteListener.NONE);
  }

  TokenCache(Fetcher fetcher, Clock clock, DoubleSupplier jitter, Executor refreshExecutor, AirbyteListener listener) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.jitter = jitter;
    this.refreshExecutor = refreshExecutor;
    this.listener = listener;
  }

  /** Reads a token from {@code store} before the first fetch and saves every token fetched to it under {@code key}. */
  void useStore(TokenStore store, String key) {
    this.store = store;
    this.storeKey = key;
  }

  /** {@link #get(Waiter)}, waiting as long as a refresh takes. */
  CachedToken get() throws TokenUnavailable, IOException {
    return get(Waiter.UNTIMED);
  }

  /** A token to send now: the cached one while it is valid, otherwise the result of the (shared) refresh. */
  CachedToken get(Waiter waiter) throws TokenUnavailable, IOException {
    CachedToken token = current;
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.mustRefreshAt())) {
      if (!now.isBefore(token.refreshAt())) {
        startEarlyRefresh(token, now);
      }
      return token;
    }
    if (Thread.currentThread() == refreshing) {
      throw new TokenUnavailable(new ReentrantFetch());
    }
    return await(mandatoryRefresh(), waiter);
  }

  /**
   * The API rejected {@code fresh}, fetched just for this call: the credentials themselves are refused. The token
   * is kept, and for a pause (1 s, doubling with each such rejection in a row, at most
   * {@link #MAX_REJECTION_BACKOFF}) a 401 does not replace it: a server that answers 401 to everything costs a
   * bounded number of token requests, and the calls still go to the server, which may accept them again.
   */
  void rejected(CachedToken fresh) {
    synchronized (lock) {
      rejections++;
      Duration pause = Duration.ofSeconds(1L << Math.min(rejections - 1, 16));
      noReplaceBefore = clock.instant().plus(pause.compareTo(MAX_REJECTION_BACKOFF) < 0 ? pause : MAX_REJECTION_BACKOFF);
      rejecting = true;
    }
  }

  /** The API accepted a token: rejections in a row start from zero again. */
  void accepted() {
    if (!rejecting) return;
    synchronized (lock) {
      rejections = 0;
      noReplaceBefore = Instant.MIN;
      rejecting = false;
    }
  }

  /** Whether a fresh token was rejected moments ago: a token the API rejects now is not replaced. */
  boolean pausing() {
    if (!rejecting) return false;
    synchronized (lock) {
      return clock.instant().isBefore(noReplaceBefore);
    }
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
    launch(flight, true);
  }

  private CompletableFuture<CachedToken> mandatoryRefresh() {
    CompletableFuture<CachedToken> flight;
    synchronized (lock) {
      CachedToken token = current;
      Instant now = clock.instant();
      if (token != null && now.isBefore(token.mustRefreshAt())) {
        return CompletableFuture.completedFuture(token); // refreshed while this caller waited for the lock
      }
      if (inFlight != null) {
        return inFlight; // join the refresh in progress: one token request for every caller
      }
      flight = new CompletableFuture<>();
      inFlight = flight;
    }
    launch(flight, false);
    return flight;
  }

  private void launch(CompletableFuture<CachedToken> flight, boolean early) {
    Runnable task = () -> refresh(flight, early);
    try {
      refreshExecutor.execute(task);
    } catch (RejectedExecutionException closedMeanwhile) {
      // After close(): someone may be waiting on this flight, so fetch on the caller's thread rather than drop it.
      task.run();
    } catch (RuntimeException | Error cannotStart) {
      // No thread for the refresh (out of threads, say): the callers waiting for it get the failure, and the next
      // caller starts a new one, instead of all of them waiting for a refresh that never runs.
      failed(flight, cannotStart);
    }
  }

  private void refresh(CompletableFuture<CachedToken> flight, boolean early) {
    Instant requestedAt = clock.instant();
    CachedToken fresh;
    refreshing = Thread.currentThread();
    try {
      fresh = fromStore(requestedAt);
      if (fresh == null) {
        AccessToken token = fetcher.fetch();
        if (token == null) {
          throw new IOException("the token fetch returned null");
        }
        fresh = CachedToken.of(token, requestedAt, jitter.getAsDouble());
        toStore(token, requestedAt);
      }
    } catch (Throwable failure) { // anything, so that no waiting caller is left hanging
      refreshing = null;
      LOG.warn("Token refresh failed{}: {}", early ? " (the current token is still used)" : "",
          failure.getClass().getSimpleName());
      tell(early, requestedAt, null, failure);
      failed(flight, failure);
      return;
    }
    refreshing = null;
    synchronized (lock) {
      // Publish before completing, so that a woken caller that asks again finds the new token.
      current = fresh;
      inFlight = null;
    }
    LOG.debug("Token refreshed{}, expires at {}", early ? " ahead of expiry" : "", fresh.expiresAt());
    tell(early, requestedAt, fresh.expiresAt(), null);
    flight.complete(fresh);
  }

  /**
   * The stored token while it is before its refresh point, counted from when it was obtained; else null. Read once:
   * a stored token the API then rejects (invalidated) must not come back from the store.
   */
  private CachedToken fromStore(Instant now) {
    if (store == null || storeRead) return null;
    storeRead = true;
    try {
      TokenStore.Entry entry = store.load(storeKey);
      if (entry == null || entry.obtainedAt().isAfter(now)) return null; // from the future: the clock moved back
      CachedToken stored = CachedToken.of(entry.token(), entry.obtainedAt(), jitter.getAsDouble());
      return now.isBefore(stored.refreshAt()) ? stored : null;
    } catch (Exception unreadable) { // a store failing is not a reason to fail: fetch a token instead
      LOG.debug("Token store unreadable: {}", unreadable.getClass().getSimpleName());
      return null;
    }
  }

  private void toStore(AccessToken token, Instant obtainedAt) {
    if (store == null) return;
    storeRead = true;
    try {
      store.save(storeKey, new TokenStore.Entry(token, obtainedAt));
    } catch (Exception unwritable) {
      LOG.debug("Token store unwritable: {}", unwritable.getClass().getSimpleName());
    }
  }

  private void failed(CompletableFuture<CachedToken> flight, Throwable failure) {
    synchronized (lock) {
      if (inFlight == flight) inFlight = null;
      // The old token, if still valid, keeps being served; try again after a pause rather than on every call.
      earlyRefreshNotBefore = clock.instant().plus(TokenLifetime.EARLY_REFRESH_RETRY_DELAY);
    }
    flight.completeExceptionally(failure);
  }

  private void tell(boolean early, Instant startedAt, Instant expiresAt, Throwable failure) {
    if (listener == AirbyteListener.NONE) return;
    Duration took = Duration.between(startedAt, clock.instant());
    Listeners.tell(listener, l -> l.onTokenRefresh(new AirbyteListener.TokenRefresh(early, startedAt, took, expiresAt,
        failure)));
  }

  private static CachedToken await(CompletableFuture<CachedToken> flight, Waiter waiter)
      throws TokenUnavailable, IOException {
    try {
      return waiter.await(flight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an access token");
    } catch (ExecutionException e) {
      throw new TokenUnavailable(e.getCause());
    }
  }
}
