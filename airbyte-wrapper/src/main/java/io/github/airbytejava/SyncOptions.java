package io.github.airbytejava;

import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Syncs} waits for a job. Immutable; build one with {@link #builder()} or start from
 * {@link #defaults()} with {@link #toBuilder()}.
 *
 * <p>The job is polled with {@code GET /jobs/{id}}, first after {@link #pollInterval()}, then at intervals
 * growing by half each time up to {@link #maxPollInterval()}. Terminal statuses are {@code succeeded},
 * {@code failed} and {@code cancelled}, and {@code incomplete} if {@link #incompleteIsTerminal()}. Every other
 * status ({@code pending}, {@code queued}, {@code running}, and any status this client does not know yet) means
 * keep waiting.
 */
public final class SyncOptions {
  private static final Consumer<JobResponse> NO_PROGRESS = job -> { };
  private static final SyncOptions DEFAULTS = builder().build();

  private final Duration pollInterval;
  private final Duration maxPollInterval;
  private final Duration timeout;
  private final boolean cancelOnTimeout;
  private final boolean incompleteIsTerminal;
  private final Consumer<JobResponse> onProgress;
  private final boolean zeroCountSuccessIsFailure;

  private SyncOptions(Builder builder) {
    this.pollInterval = builder.pollInterval;
    this.maxPollInterval = builder.maxPollInterval;
    this.timeout = builder.timeout;
    this.cancelOnTimeout = builder.cancelOnTimeout;
    this.incompleteIsTerminal = builder.incompleteIsTerminal;
    this.onProgress = builder.onProgress;
    this.zeroCountSuccessIsFailure = builder.zeroCountSuccessIsFailure;
  }

  /** Poll from 2 s up to 30 s, give up after 24 hours without cancelling, {@code incomplete} not terminal. */
  public static SyncOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The wait before the first poll. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** The longest wait between two polls. */
  public Duration maxPollInterval() {
    return maxPollInterval;
  }

  /** How long to wait for a terminal status, counted from when waiting starts. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether the job is cancelled on the server when {@link #timeout()} passes. */
  public boolean cancelOnTimeout() {
    return cancelOnTimeout;
  }

  /** Whether {@code incomplete} ends the wait. */
  public boolean incompleteIsTerminal() {
    return incompleteIsTerminal;
  }

  /** Receives the job each time it is read: once when it is created or found, then after every poll. */
  public Consumer<JobResponse> onProgress() {
    return onProgress;
  }

  /** Whether a sync that succeeded with 0 bytes and 0 rows counts as failed: see {@link SyncOutcome#succeeded()}. */
  public boolean zeroCountSuccessIsFailure() {
    return zeroCountSuccessIsFailure;
  }

  @Override
  public String toString() {
    return "SyncOptions{pollInterval=" + pollInterval + ", maxPollInterval=" + maxPollInterval + ", timeout="
        + timeout + ", cancelOnTimeout=" + cancelOnTimeout + ", incompleteIsTerminal=" + incompleteIsTerminal
        + ", zeroCountSuccessIsFailure=" + zeroCountSuccessIsFailure + '}';
  }

  /** Builds {@link SyncOptions}; every setter has a default, listed on it. */
  public static final class Builder {
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration maxPollInterval = Duration.ofSeconds(30);
    private Duration timeout = Duration.ofHours(24);
    private boolean cancelOnTimeout = false;
    private boolean incompleteIsTerminal = false;
    private Consumer<JobResponse> onProgress = NO_PROGRESS;
    private boolean zeroCountSuccessIsFailure = false;

    private Builder() {}

    private Builder(SyncOptions options) {
      this.pollInterval = options.pollInterval;
      this.maxPollInterval = options.maxPollInterval;
      this.timeout = options.timeout;
      this.cancelOnTimeout = options.cancelOnTimeout;
      this.incompleteIsTerminal = options.incompleteIsTerminal;
      this.onProgress = options.onProgress;
      this.zeroCountSuccessIsFailure = options.zeroCountSuccessIsFailure;
    }

    /**
     * The wait before the first poll, growing by half after each poll. If not specified, 2 s is used: short jobs
     * (a clear, a small sync) are seen finished quickly.
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive(pollInterval, "pollInterval");
      return this;
    }

    /**
     * The longest wait between polls. If not specified, 30 s is used: a sync of hours costs about two requests
     * a minute, and its end is still seen within half a minute.
     */
    public Builder maxPollInterval(Duration maxPollInterval) {
      this.maxPollInterval = positive(maxPollInterval, "maxPollInterval");
      return this;
    }

    /**
     * How long to wait for a terminal status before throwing {@link SyncTimeoutException}. If not specified, 24
     * hours is used: long enough for large syncs, while a stuck job still cannot hold a thread forever.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * Whether to cancel the job ({@code DELETE /jobs/{id}}) when the timeout passes. If not specified, false is
     * used: the deadline is the caller's, and cancelling throws away the work the job has done; set it when a
     * late job must not keep running (it would also make the next sync of the connection wait for it).
     */
    public Builder cancelOnTimeout(boolean cancelOnTimeout) {
      this.cancelOnTimeout = cancelOnTimeout;
      return this;
    }

    /**
     * Whether {@code incomplete} ends the wait. If not specified, false is used: Airbyte marks a job
     * {@code incomplete} when an attempt failed and it will try again, and the job ends later as
     * {@code succeeded} or {@code failed}.
     */
    public Builder incompleteIsTerminal(boolean incompleteIsTerminal) {
      this.incompleteIsTerminal = incompleteIsTerminal;
      return this;
    }

    /**
     * Receives the job (status, {@code rowsSynced}, {@code bytesSynced}) each time it is read. If not specified,
     * nothing is called. It runs on the waiting thread; an exception it throws ends the wait.
     */
    public Builder onProgress(Consumer<JobResponse> onProgress) {
      this.onProgress = Objects.requireNonNull(onProgress, "onProgress");
      return this;
    }

    /**
     * Whether a sync that ends {@code succeeded} having moved 0 bytes and 0 rows counts as failed
     * ({@link SyncOutcome#succeeded()} false). If not specified, false is used: Airbyte reports a sync it failed to
     * launch this way (airbytehq/airbyte#85355), but an incremental sync with nothing new to copy looks the same.
     * Either way the outcome flags it ({@link SyncOutcome#zeroCountSuccess()}) and the client's
     * {@link AirbyteListener} hears of it; set this when your connection always has data to move.
     */
    public Builder zeroCountSuccessIsFailure(boolean zeroCountSuccessIsFailure) {
      this.zeroCountSuccessIsFailure = zeroCountSuccessIsFailure;
      return this;
    }

    public SyncOptions build() {
      if (maxPollInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException(
            "maxPollInterval (" + maxPollInterval + ") is shorter than pollInterval (" + pollInterval + ")");
      }
      return new SyncOptions(this);
    }

    private static Duration positive(Duration value, String name) {
      if (Durations.wait(name, value).isZero()) throw new IllegalArgumentException(name + " must be positive: " + value);
      return value;
    }
  }
}
