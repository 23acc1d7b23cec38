package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tag Dataplanes: where syncs of a region run (create, get, list by {@code regionIds}, PATCH, delete). A create
 * answers the dataplane's own client id and secret, once.
 */
final class Dataplanes implements ResourceGroup {

  static final class Dataplane {
    final String id;
    final String regionId;
    final String createdAt;
    String name;
    boolean enabled;
    String updatedAt;

    Dataplane(String id, String regionId, String name, boolean enabled, String createdAt) {
      this.id = id;
      this.regionId = regionId;
      this.name = name;
      this.enabled = enabled;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("dataplaneId", id);
      json.addProperty("name", name);
      json.addProperty("regionId", regionId);
      json.addProperty("enabled", enabled);
      json.addProperty("createdAt", createdAt);
      json.addProperty("updatedAt", updatedAt);
      return json;
    }
  }

  private final Context context;
  private final Regions regions;
  private final Map<String, Dataplane> dataplanes = new LinkedHashMap<>();

  Dataplanes(Context context, Regions regions) {
    this.context = context;
    this.regions = regions;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/dataplanes", "listDataplanes", this::list);
    routes.post("/dataplanes", "createDataplane", this::create);
    routes.get("/dataplanes/{dataplaneId}", "getDataplane",
        call -> Reply.ok(require(call.path("dataplaneId")).toJson()));
    routes.patch("/dataplanes/{dataplaneId}", "updateDataplane", this::update);
    routes.delete("/dataplanes/{dataplaneId}", "deleteDataplane", this::delete);
  }

  @Override
  public void reset() {
    dataplanes.clear();
  }

  private Dataplane require(String id) {
    Dataplane dataplane = dataplanes.get(Check.uuid(id, "dataplaneId"));
    if (dataplane == null) {
      throw new Reply.Refusal(Reply.notFound("dataplane", id));
    }
    return dataplane;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String regionId = regions.require(Json.requiredString(body, "regionId")).id;
    String name = Json.requiredString(body, "name");
    Boolean enabled = Json.booleanOrNull(body, "enabled");
    Dataplane dataplane = new Dataplane(UUID.randomUUID().toString(), regionId, name, enabled == null || enabled,
        Regions.timestamp(context));
    dataplanes.put(dataplane.id, dataplane);
    JsonObject response = new JsonObject();
    response.addProperty("dataplaneId", dataplane.id);
    response.addProperty("regionId", regionId);
    response.addProperty("clientId", "dataplane-" + dataplane.id);
    response.addProperty("clientSecret", UUID.randomUUID().toString());
    return Reply.ok(response);
  }

  private Reply update(Call call) {
    Dataplane dataplane = require(call.path("dataplaneId"));
    JsonObject body = call.json();
    String name = Json.string(body, "name");
    Boolean enabled = Json.booleanOrNull(body, "enabled");
    if (name != null) {
      dataplane.name = name;
    }
    if (enabled != null) {
      dataplane.enabled = enabled;
    }
    dataplane.updatedAt = Regions.timestamp(context);
    return Reply.ok(dataplane.toJson());
  }

  private Reply delete(Call call) {
    Dataplane dataplane = require(call.path("dataplaneId"));
    dataplanes.remove(dataplane.id);
    return Reply.ok(dataplane.toJson());
  }

  private Reply list(Call call) {
    Set<String> regionIds = call.uuidsQuery("regionIds");
    JsonArray data = new JsonArray();
    for (Dataplane d : dataplanes.values()) {
      if (regionIds.isEmpty() || regionIds.contains(d.regionId)) {
        data.add(d.toJson());
      }
    }
    JsonObject response = new JsonObject();
    response.add("data", data);
    return Reply.ok(response);
  }
}
