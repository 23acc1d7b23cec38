package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The key rule of the client's logs, as other modules use it where no schema describes a value. */
class SecretFieldsTest {

  @Test
  void keysThatLookSecretAreThoseTheLogsMask() {
    for (String key : List.of("password", "client_secret", "api_key", "apiKey", "access_token", "ssh-key",
        "service_account_info", "credentials_json", "private_key")) {
      assertTrue(SecretFields.looksSecret(key), key);
    }
    for (String key : List.of("host", "port", "primaryKey", "token_type", "public_key", "user", "database")) {
      assertFalse(SecretFields.looksSecret(key), key);
    }
  }
}
