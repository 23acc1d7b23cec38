package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.SecretFields;
import io.github.airbytejava.internal.BodyMasker;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {
  static final String POSTGRES = "decd338e-5647-4c0b-adf4-da0e75f5a750";

  @Test
  void theSchemaSaysWhichValuesAreSecret() {
    SecretFields fields = Connectors.secretFields();
    assertFalse(fields.isSecret("source", POSTGRES, List.of("host")));
    assertTrue(fields.isSecret("source", POSTGRES, List.of("password")));
    assertTrue(fields.isSecret("source", POSTGRES, List.of("tunnel_method", "ssh_key")));
    assertFalse(fields.isSecret("source", "postgres", List.of("port")));
    assertTrue(fields.isSecret(null, "postgres", List.of("port")), "the name of a source and of a destination");
    assertFalse(fields.isSecret(null, "github", List.of("repositories")), "the name of a source only");
    assertTrue(fields.isSecret("source", POSTGRES, List.of("brand_new_field")), "not in the schema");
    assertTrue(fields.isSecret("source", "a-custom-connector", List.of("host")), "unknown connector");
    assertTrue(fields.isSecret("destination", POSTGRES, List.of("host")), "a source's id as a destination");
    assertTrue(fields.isSecret("source", null, List.of("host")));
  }

  @Test
  void theClientsBodyLoggingShowsWhatIsNotSecret() {
    String body = ConfigurationTest.postgres().createRequest(ConfigurationTest.WORKSPACE, "pg").toJson();
    String logged = new BodyMasker(Connectors.secretFields()).mask(body, HttpUrl.get("http://x/v1/sources"));
    assertTrue(logged.contains("db.internal") && logged.contains("bastion"), logged);
    for (String secret : List.of("pg-secret-1", "BEGIN CERT", "RSA PRIVATE KEY")) {
      assertFalse(logged.contains(secret), logged);
    }
    String byDefault = new BodyMasker(SecretFields.ALL).mask(body, HttpUrl.get("http://x/v1/sources"));
    assertFalse(byDefault.contains("db.internal"), byDefault);
  }
}
