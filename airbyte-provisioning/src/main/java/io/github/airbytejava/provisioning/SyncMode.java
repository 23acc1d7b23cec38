package io.github.airbytejava.provisioning;

import java.util.Locale;

/** How a stream is read and written: the values of the API's {@code ConnectionSyncModeEnum} a request may set. */
public enum SyncMode {
  FULL_REFRESH_OVERWRITE, FULL_REFRESH_OVERWRITE_DEDUPED, FULL_REFRESH_APPEND, FULL_REFRESH_UPDATE,
  FULL_REFRESH_SOFT_DELETE, INCREMENTAL_APPEND, INCREMENTAL_DEDUPED_HISTORY, INCREMENTAL_UPDATE,
  INCREMENTAL_SOFT_DELETE;

  /** As the API writes it: {@code incremental_deduped_history}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
