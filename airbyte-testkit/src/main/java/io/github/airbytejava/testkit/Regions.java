package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The tag Regions: an organization's regions, where its dataplanes run (create, get, list, PATCH, delete). */
final class Regions implements ResourceGroup {

  static final class Region {
    final String id;
    final String organizationId;
    final String createdAt;
    String name;
    boolean enabled;
    String updatedAt;

    Region(String id, String organizationId, String name, boolean enabled, String createdAt) {
      this.id = id;
      this.organizationId = organizationId;
      this.name = name;
      this.enabled = enabled;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("regionId", id);
      json.addProperty("name", name);
      json.addProperty("organizationId", organizationId);
      json.addProperty("enabled", enabled);
      json.addProperty("createdAt", createdAt);
      json.addProperty("updatedAt", updatedAt);
      return json;
    }
  }

  private final Context context;
  private final Organizations organizations;
  private final Map<String, Region> regions = new LinkedHashMap<>();

  Regions(Context context, Organizations organizations) {
    this.context = context;
    this.organizations = organizations;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/regions", "listRegions", this::list);
    routes.post("/regions", "createRegion", this::create);
    routes.get("/regions/{regionId}", "getRegion", call -> Reply.ok(require(call.path("regionId")).toJson()));
    routes.patch("/regions/{regionId}", "updateRegion", this::update);
    routes.delete("/regions/{regionId}", "deleteRegion", this::delete);
  }

  @Override
  public void reset() {
    regions.clear();
  }

  /** The region, or a {@link Reply.Refusal} with the 404. */
  Region require(String id) {
    Region region = regions.get(Check.uuid(id, "regionId"));
    if (region == null) {
      throw new Reply.Refusal(Reply.notFound("region", id));
    }
    return region;
  }

  /** The time as the server writes these (a string, {@code OffsetDateTime.toString()}). */
  static String timestamp(Context context) {
    return OffsetDateTime.ofInstant(context.now(), ZoneOffset.UTC).toString();
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    String organizationId = organizations.require(Json.requiredString(body, "organizationId")).id();
    Boolean enabled = Json.booleanOrNull(body, "enabled");
    Region region = new Region(UUID.randomUUID().toString(), organizationId, name, enabled == null || enabled,
        timestamp(context));
    regions.put(region.id, region);
    return Reply.ok(region.toJson());
  }

  private Reply update(Call call) {
    Region region = require(call.path("regionId"));
    JsonObject body = call.json();
    String name = Json.string(body, "name");
    Boolean enabled = Json.booleanOrNull(body, "enabled");
    if (name != null) {
      region.name = name;
    }
    if (enabled != null) {
      region.enabled = enabled;
    }
    region.updatedAt = timestamp(context);
    return Reply.ok(region.toJson());
  }

  private Reply delete(Call call) {
    Region region = require(call.path("regionId"));
    regions.remove(region.id);
    return Reply.ok(region.toJson());
  }

  private Reply list(Call call) {
    String organizationId = call.query("organizationId");
    if (organizationId == null) {
      return Reply.badRequest("'organizationId' is required.");
    }
    String organization = organizations.require(organizationId).id();
    JsonArray data = new JsonArray();
    regions.values().stream().filter(r -> r.organizationId.equals(organization)).forEach(r -> data.add(r.toJson()));
    JsonObject response = new JsonObject();
    response.add("data", data);
    return Reply.ok(response);
  }
}
