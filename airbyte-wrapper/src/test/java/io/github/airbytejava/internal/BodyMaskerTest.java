package io.github.airbytejava.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.SecretFields;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What the logging shows of a body, and what it asks the {@link SecretFields} extension point. */
class BodyMaskerTest {
  private static final String POSTGRES = "decd338e-5647-4c0b-adf4-da0e75f5a750";
  private static final HttpUrl SOURCES = HttpUrl.get("https://api.airbyte.com/v1/sources");

  private final List<String> asked = new CopyOnWriteArrayList<>();

  /** Says only {@code password} and {@code tunnel_method.ssh_key} are secret, and records every question. */
  private final SecretFields schema = (actorType, connector, path) -> {
    asked.add(actorType + " " + connector + " " + path);
    return path.equals(List.of("password")) || path.equals(List.of("tunnel_method", "ssh_key"));
  };

  @Test
  void byDefaultEveryConfigurationValueIsMasked() {
    String masked = new BodyMasker(SecretFields.ALL).mask("{\"name\":\"pg\",\"definitionId\":\"" + POSTGRES + "\","
        + "\"configuration\":{\"host\":\"db.internal\",\"port\":5432,\"ssl\":{\"mode\":\"require\"}}}", SOURCES);

    assertEquals("{\"name\":\"pg\",\"definitionId\":\"" + POSTGRES + "\","
        + "\"configuration\":{\"host\":\"██\",\"port\":\"██\",\"ssl\":{\"mode\":\"██\"}}}", masked);
  }

  @Test
  void aSchemaAwareExtensionUnmasksWhatItKnowsIsNotSecret() {
    String masked = new BodyMasker(schema).mask("{\"definitionId\":\"" + POSTGRES + "\",\"configuration\":{"
        + "\"host\":\"db\",\"password\":\"hunter22\",\"schemas\":[\"public\",\"sales\"],"
        + "\"tunnel_method\":{\"tunnel_host\":\"bastion\",\"ssh_key\":\"k\"}}}", SOURCES);

    assertEquals("{\"definitionId\":\"" + POSTGRES + "\",\"configuration\":{\"host\":\"db\",\"password\":\"██\","
        + "\"schemas\":[\"public\",\"sales\"],\"tunnel_method\":{\"tunnel_host\":\"bastion\",\"ssh_key\":\"██\"}}}",
        masked);
    assertTrue(asked.contains("source " + POSTGRES + " [host]"), asked.toString());
    assertTrue(asked.contains("source " + POSTGRES + " [schemas]"), "array indexes are left out: " + asked);
    assertTrue(asked.contains("source " + POSTGRES + " [tunnel_method, tunnel_host]"), asked.toString());
  }

  @Test
  void theConnectorIsTheDefinitionIdElseTheTypeNameInOrBesideTheConfiguration() {
    BodyMasker masker = new BodyMasker(schema);
    masker.mask("{\"configuration\":{\"sourceType\":\"postgres\",\"host\":\"db\"}}", SOURCES);
    masker.mask("{\"destinationType\":\"bigquery\",\"configuration\":{\"project_id\":\"p\"}}", null);
    masker.mask("{\"actorType\":\"source\",\"name\":\"github\",\"configuration\":{\"client_id\":\"c\"}}", null);

    assertTrue(asked.contains("source postgres [host]"), asked.toString());
    assertTrue(asked.contains("destination bigquery [project_id]"), asked.toString());
    assertFalse(asked.stream().anyMatch(q -> q.contains("client_id")), "no connector named: masked unasked");
  }

  @Test
  void configurationsInAListAreMaskedPerItemWithTheirOwnConnector() {
    String masked = new BodyMasker(schema).mask("{\"data\":[{\"sourceId\":\"s1\",\"sourceType\":\"postgres\","
        + "\"definitionId\":\"" + POSTGRES + "\",\"configuration\":{\"host\":\"db\",\"password\":\"p1\"}},"
        + "{\"sourceId\":\"s2\",\"sourceType\":\"\",\"configuration\":{\"host\":\"other\"}}],\"next\":\"\"}",
        HttpUrl.get("https://api.airbyte.com/v1/sources?limit=100"));

    assertEquals("{\"data\":[{\"sourceId\":\"s1\",\"sourceType\":\"postgres\",\"definitionId\":\"" + POSTGRES + "\","
        + "\"configuration\":{\"host\":\"db\",\"password\":\"██\"}},"
        + "{\"sourceId\":\"s2\",\"sourceType\":\"\",\"configuration\":{\"host\":\"██\"}}],\"next\":\"\"}", masked);
  }

  @Test
  void anExtensionThatFailsMasks() {
    SecretFields broken = (actorType, connector, path) -> {
      throw new IllegalStateException("no schema");
    };
    assertEquals("{\"definitionId\":\"x\",\"configuration\":{\"host\":\"██\"}}",
        new BodyMasker(broken).mask("{\"definitionId\":\"x\",\"configuration\":{\"host\":\"db\"}}", SOURCES));
  }

  @Test
  void secretLookingKeysAreMaskedEverywhereWhateverTheExtensionSays() {
    SecretFields nothingSecret = (actorType, connector, path) -> false;
    String masked = new BodyMasker(nothingSecret).mask("{\"clientSecret\":\"cs\",\"definitionId\":\"x\","
        + "\"configuration\":{\"ssh_key\":\"k\",\"secret_key\":\"s\",\"credentials_json\":\"{}\","
        + "\"service_account_info\":{\"type\":\"service_account\"},\"tunnel_user_password\":\"t\",\"host\":\"db\"},"
        + "\"token_type\":\"Bearer\"}", SOURCES);

    assertEquals("{\"clientSecret\":\"██\",\"definitionId\":\"x\",\"configuration\":{\"ssh_key\":\"██\","
        + "\"secret_key\":\"██\",\"credentials_json\":\"██\",\"service_account_info\":\"██\","
        + "\"tunnel_user_password\":\"██\",\"host\":\"db\"},\"token_type\":\"Bearer\"}", masked);
  }

  @Test
  void secretsInsideStringsAreMasked() {
    String pem = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n";
    String masked = new BodyMasker(SecretFields.ALL).mask("{\"detail\":\"bad {\\\"private_key\\\": \\\"pk-1\\\"}\","
        + "\"note\":\"" + pem + "\",\"link\":\"https://u:pw-2@host/x\"}", null);

    assertFalse(masked.contains("pk-1") || masked.contains("MIIEvQ") || masked.contains("pw-2"), masked);
  }

  @Test
  void aBodyThatIsNotJsonIsMaskedAsText() {
    assertEquals("{\"password\":\"██\"}…", new BodyMasker(SecretFields.ALL)
        .mask("{\"password\":\"p\", \"host\":", SOURCES), "JSON cut short: as far as it reads");
    assertEquals("client_id=me&client_secret=██", new BodyMasker(SecretFields.ALL)
        .mask("client_id=me&client_secret=s", null));
  }

  @Test
  void aBodyCutShortIsMaskedAsFarAsItReads() {
    BodyMasker masker = new BodyMasker(SecretFields.ALL);
    String cut = "{\"data\":[{\"name\":\"blob\",\"configuration\":{\"azure_blob_storage_account_key\":\"k3y\","
        + "\"container\":\"c0nta";

    assertEquals("{\"data\":[{\"name\":\"blob\",\"configuration\":{\"azure_blob_storage_account_key\":\"██\"}}]}…",
        masker.mask(cut, SOURCES));
    // Nothing in the part that reads needs masking: the text is kept as it came, so its cut can be seen.
    assertEquals("{\"jobId\":1,\"status\":\"runn", masker.mask("{\"jobId\":1,\"status\":\"runn", null));
  }

  @Test
  void aSecretValueTheTextEndsInIsMasked() {
    assertEquals("{\"jobId\":1,\"client_secret\":\"██\"", Redactor.redact("{\"jobId\":1,\"client_secret\":\"s3cr"));
    assertEquals("{\"sessionId\":\"██\"}", Redactor.redact("{\"sessionId\":\"a1b2c3\"}"));
    assertEquals("{\"key\":\"██\",\"account_key\":\"██\",\"publicKey\":\"pk\",\"keyword\":\"w\"",
        Redactor.redact("{\"key\":\"k1\",\"account_key\":\"k2\",\"publicKey\":\"pk\",\"keyword\":\"w\""));
  }
}
