package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What a region (of an organization) and a dataplane (of a region) are alike: a name, whether it is enabled (true
 * unless the create says otherwise), and when it was made and last changed, as strings the way the server writes
 * them ({@code OffsetDateTime.toString()}).
 */
final class Placement {

  final String id;
  /** The organization of a region, the region of a dataplane. */
  final String parentId;
  final String createdAt;
  private final String idKey;
  private final String parentKey;
  private String name;
  private boolean enabled;
  private String updatedAt;

  private Placement(String idKey, String parentKey, String parentId, String name, boolean enabled, String now) {
    this.id = UUID.randomUUID().toString();
    this.idKey = idKey;
    this.parentKey = parentKey;
    this.parentId = parentId;
    this.name = name;
    this.enabled = enabled;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** From a create's body, which has {@code name} and may have {@code enabled}. */
  static Placement create(JsonObject body, String idKey, String parentKey, String parentId, Context context) {
    Boolean enabled = Json.booleanOrNull(body, "enabled");
    return new Placement(idKey, parentKey, parentId, Json.requiredString(body, "name"), enabled == null || enabled,
        timestamp(context));
  }

  /** A PATCH: {@code name} and {@code enabled} when given. */
  void patch(JsonObject body, Context context) {
    String newName = Json.string(body, "name");
    Boolean newEnabled = Json.booleanOrNull(body, "enabled");
    if (newName != null) {
      name = newName;
    }
    if (newEnabled != null) {
      enabled = newEnabled;
    }
    updatedAt = timestamp(context);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty(idKey, id);
    json.addProperty("name", name);
    json.addProperty(parentKey, parentId);
    json.addProperty("enabled", enabled);
    json.addProperty("createdAt", createdAt);
    json.addProperty("updatedAt", updatedAt);
    return json;
  }

  private static String timestamp(Context context) {
    return OffsetDateTime.ofInstant(context.now(), ZoneOffset.UTC).toString();
  }
}
