package io.github.airbytejava.webhook;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.NotFoundException;
import io.github.airbytejava.Syncs;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.NotificationConfig;
import io.github.airbytejava.generated.model.NotificationsConfig;
import io.github.airbytejava.generated.model.WebhookNotificationConfig;
import io.github.airbytejava.generated.model.WorkspaceResponse;
import io.github.airbytejava.generated.model.WorkspaceUpdateRequest;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A workspace's notification webhooks, through the public API: parse what Airbyte sends, confirm it, configure it.
 * Obtained from {@link AirbyteClient#webhooks()}.
 */
public final class Webhooks {
  private final AirbyteClient client;

  /** Webhooks through {@code client}; {@link AirbyteClient#webhooks()} makes one. */
  public Webhooks(AirbyteClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Same as {@link WebhookNotification#parse(String)}. */
  public WebhookNotification parse(String body) {
    return WebhookNotification.parse(body);
  }

  /**
   * Whether a notification agrees with the job as the API tells it ({@code GET /jobs/{jobId}}): Airbyte does not sign
   * webhooks, so this is how a receiver tells a real one from a forged one. Confirmed when the job exists, belongs to
   * the connection the payload names, has ended, and ended as the payload says ({@code success} true for
   * {@code succeeded}, false for {@code failed} or {@code cancelled}). A test message (no {@code data}) is never
   * confirmed.
   *
   * @throws io.github.airbytejava.AirbyteException if the job could not be read for another reason than a 404 (the
   *     API is down, the token refused): that says nothing about the payload
   */
  public WebhookConfirmation confirm(WebhookNotification notification) {
    Objects.requireNonNull(notification, "notification");
    SyncNotification sync = notification.sync().orElse(null);
    if (sync == null) return new WebhookConfirmation(false, "a message without data (a test) names no job", null);
    if (sync.jobId() == null) return new WebhookConfirmation(false, "the payload names no job", null);
    if (sync.success() == null) return new WebhookConfirmation(false, "the payload does not say whether it succeeded",
        null);
    JobResponse job;
    try {
      job = client.jobs().getJob(sync.jobId()).execute();
    } catch (NotFoundException e) {
      return new WebhookConfirmation(false, "the API has no job " + sync.jobId(), null);
    }
    UUID connectionId = sync.connection() == null ? null : sync.connection().id();
    if (connectionId != null && !connectionId.equals(job.getConnectionId())) {
      return new WebhookConfirmation(false, "job " + sync.jobId() + " belongs to another connection than the payload's",
          job);
    }
    if (!Syncs.isTerminal(job, false)) {
      return new WebhookConfirmation(false, "job " + sync.jobId() + " has not ended: " + job.getStatus(), job);
    }
    boolean succeeded = job.getStatus() == JobStatusEnum.SUCCEEDED;
    if (succeeded != sync.success()) {
      return new WebhookConfirmation(false, "job " + sync.jobId() + " is " + job.getStatus() + ", the payload says "
          + (sync.success() ? "success" : "failure"), job);
    }
    return new WebhookConfirmation(true, "confirmed", job);
  }

  /**
   * Sends the events named in {@code settings} to their webhook URLs, or turns their webhooks off, leaving the rest
   * of the workspace's notifications (e-mail, events not named) as they are: reads the workspace, then
   * {@code PATCH /workspaces/{workspaceId}} with its notifications so changed.
   *
   * @return the workspace as the API answered the update
   */
  public WorkspaceResponse configure(UUID workspaceId, WebhookSettings settings) {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(settings, "settings");
    WorkspaceResponse workspace = client.workspaces().getWorkspace(workspaceId).execute();
    NotificationsConfig notifications = workspace.getNotifications() == null
        ? new NotificationsConfig() : workspace.getNotifications();
    for (Map.Entry<NotificationEvent, String> entry : settings.urls().entrySet()) {
      NotificationConfig config = get(notifications, entry.getKey());
      if (config == null) config = new NotificationConfig();
      String url = entry.getValue();
      config.setWebhook(url == null ? new WebhookNotificationConfig().enabled(false)
          : new WebhookNotificationConfig().enabled(true).url(url));
      set(notifications, entry.getKey(), config);
    }
    return client.workspaces().updateWorkspace(workspaceId, new WorkspaceUpdateRequest().notifications(notifications))
        .execute();
  }

  private static NotificationConfig get(NotificationsConfig all, NotificationEvent event) {
    return switch (event) {
      case FAILURE -> all.getFailure();
      case SUCCESS -> all.getSuccess();
      case CONNECTION_UPDATE -> all.getConnectionUpdate();
      case CONNECTION_UPDATE_ACTION_REQUIRED -> all.getConnectionUpdateActionRequired();
      case SYNC_DISABLED -> all.getSyncDisabled();
      case SYNC_DISABLED_WARNING -> all.getSyncDisabledWarning();
    };
  }

  private static void set(NotificationsConfig all, NotificationEvent event, NotificationConfig config) {
    switch (event) {
      case FAILURE -> all.setFailure(config);
      case SUCCESS -> all.setSuccess(config);
      case CONNECTION_UPDATE -> all.setConnectionUpdate(config);
      case CONNECTION_UPDATE_ACTION_REQUIRED -> all.setConnectionUpdateActionRequired(config);
      case SYNC_DISABLED -> all.setSyncDisabled(config);
      case SYNC_DISABLED_WARNING -> all.setSyncDisabledWarning(config);
    }
  }
}
