package io.github.airbytejava.testkit;

import java.time.Instant;
import java.util.List;

/**
 * A job of the fake as the Config API and the webhooks tell it, at one instant: the parts the public API's job does
 * not show (its attempts) and what a notification needs.
 */
record JobFacts(long id, String connectionId, String workspaceId, String jobType, String status, Instant createdAt,
    Instant updatedAt, List<Attempt> attempts, long rows, long bytes) {

  /**
   * One attempt that has started: {@code running}, {@code failed} or {@code succeeded}; {@code endedAt} null while
   * running.
   */
  record Attempt(int number, String status, Instant startedAt, Instant endedAt, long rows, long bytes) {
  }

  boolean ended() {
    return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
  }
}
