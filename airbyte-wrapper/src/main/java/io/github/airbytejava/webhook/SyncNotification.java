package io.github.airbytejava.webhook;

import io.github.airbytejava.configapi.FailureOrigin;
import io.github.airbytejava.configapi.FailureType;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of a sync notification (success, failure, or queued), typed. Any field Airbyte left out, or sent
 * in a shape this client does not read, is null; fields this client does not know are ignored.
 *
 * @param workspace the workspace, with its id, name and URL in Airbyte's UI
 * @param connection the connection
 * @param source the source
 * @param destination the destination
 * @param jobId the job's id
 * @param startedAt when the job started
 * @param finishedAt when it finished
 * @param bytesEmitted bytes the source emitted
 * @param bytesCommitted bytes the destination committed
 * @param recordsEmitted records the source emitted
 * @param recordsCommitted records the destination committed
 * @param recordsFilteredOut records filtered out (mappers)
 * @param bytesFilteredOut bytes filtered out
 * @param success whether the sync succeeded
 * @param errorMessage the failure's message meant for users; null on success
 * @param errorType the failure's type; null on success
 * @param errorOrigin the failure's origin; null on success
 */
public record SyncNotification(Ref workspace, Ref connection, Ref source, Ref destination, Long jobId,
    Instant startedAt, Instant finishedAt, Long bytesEmitted, Long bytesCommitted, Long recordsEmitted,
    Long recordsCommitted, Long recordsFilteredOut, Long bytesFilteredOut, Boolean success, String errorMessage,
    FailureType errorType, FailureOrigin errorOrigin) {

  /**
   * A workspace, connection, source or destination as a notification names it.
   *
   * @param id its id; null when absent or not a UUID
   * @param name its name
   * @param url its page in Airbyte's UI
   */
  public record Ref(UUID id, String name, String url) {}

  /** Whether it says the sync succeeded having moved 0 bytes and 0 records (airbytehq/airbyte#85355). */
  public boolean zeroCountSuccess() {
    return Boolean.TRUE.equals(success) && zero(bytesCommitted) && zero(recordsCommitted)
        && zero(bytesEmitted) && zero(recordsEmitted);
  }

  private static boolean zero(Long value) {
    return value == null || value == 0;
  }
}
