/**
 * Airbyte's notification webhooks: parse what Airbyte POSTs ({@link io.github.airbytejava.webhook.WebhookNotification}),
 * confirm it against the API (Airbyte does not sign them), and configure a workspace's webhooks
 * ({@link io.github.airbytejava.webhook.Webhooks}).
 */
package io.github.airbytejava.webhook;
