package io.github.airbytejava.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.ApplicationRead;
import io.github.airbytejava.generated.model.ApplicationTokenRequestWithGrant;
import io.github.airbytejava.generated.model.DataplaneCreateResponseBody;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.EmbeddedScopedTokenResponse;
import io.github.airbytejava.generated.model.EmbeddedWidgetResponse;
import io.github.airbytejava.generated.model.InitiateOauthRequest;
import io.github.airbytejava.generated.model.PublicAccessTokenResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import io.github.airbytejava.generated.model.WorkspaceOAuthCredentialsRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's {@code toString()} ends up in logs and exception messages: it never prints a secret. */
class ModelSecretsTest {
  private static final String SECRET = "s3cr3t-Zq9";

  private static void assertNoSecret(Object model) {
    String text = model.toString();
    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("****"), "the secret's place is masked: " + text);
  }

  @Test
  void clientSecretsAndTokensAreMasked() {
    assertNoSecret(JSON.getGson().fromJson("{\"id\":\"a1\",\"name\":\"ci\",\"clientId\":\"id-1\",\"clientSecret\":\""
        + SECRET + "\",\"createdAt\":1}", ApplicationRead.class));
    assertNoSecret(new PublicAccessTokenResponse().accessToken(SECRET).expiresIn(180L));
    assertNoSecret(new DataplaneCreateResponseBody().clientId("id-1").clientSecret(SECRET));
    assertNoSecret(new EmbeddedScopedTokenResponse().token(SECRET));
    assertNoSecret(new EmbeddedWidgetResponse().token(SECRET));
    assertNoSecret(new ApplicationTokenRequestWithGrant().clientId("id-1").clientSecret(SECRET));
  }

  @Test
  void whatIsNotSecretStillPrints() {
    String text = new ApplicationRead().name("ci-app").clientId("id-1").clientSecret(SECRET).toString();
    assertTrue(text.contains("ci-app") && text.contains("id-1"), text);
    assertTrue(text.contains("clientSecret: ****"), text);
  }

  @Test
  void connectorAndOAuthConfigurationsShowTheirKeysButNoValue() {
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("host", "db.internal");
    configuration.put("port", 5432L);
    configuration.put("tunnel_method", Map.of("ssh_key", SECRET));
    configuration.put("credentials", List.of(Map.of("service_account_info", SECRET)));

    String destination = new DestinationCreateRequest().name("warehouse").configuration(configuration).toString();
    assertEquals(true, destination.contains("configuration: {host=****, port=****, tunnel_method={ssh_key=****}, "
        + "credentials=[{service_account_info=****}]}"), destination);
    assertFalse(destination.contains("db.internal"), destination);
    assertNoSecret(new InitiateOauthRequest().oauthInputConfiguration(Map.of("client_secret", SECRET)));
    assertNoSecret(new WorkspaceOAuthCredentialsRequest().configuration(Map.of("refresh_token", SECRET)));
  }

  @Test
  void configurationsReadFromTheServerAndNewSecretFieldsAreMasked() {
    SourcesResponse page = JSON.getGson().fromJson("{\"data\":[{\"name\":\"pg\",\"configuration\":{\"password\":\""
        + SECRET + "\"},\"api_key\":\"" + SECRET + "\",\"newSettings\":{\"token\":\"" + SECRET + "\"}}]}",
        SourcesResponse.class);

    assertNoSecret(page);
    assertTrue(page.toString().contains("name: pg"), page.toString());
  }
}
