package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tag Regions: an organization's regions, where its dataplanes run (create, get, list, PATCH, delete). */
final class Regions implements ResourceGroup {

  private final Context context;
  private final Organizations organizations;
  private final Map<String, Placement> regions = new LinkedHashMap<>();

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
  Placement require(String id) {
    Placement region = regions.get(Check.uuid(id, "regionId"));
    if (region == null) {
      throw new Reply.Refusal(Reply.notFound("region", id));
    }
    return region;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String organizationId = organizations.require(Json.requiredString(body, "organizationId")).id();
    Placement region = Placement.create(body, "regionId", "organizationId", organizationId, context);
    regions.put(region.id, region);
    return Reply.ok(region.toJson());
  }

  private Reply update(Call call) {
    Placement region = require(call.path("regionId"));
    region.patch(call.json(), context);
    return Reply.ok(region.toJson());
  }

  private Reply delete(Call call) {
    Placement region = require(call.path("regionId"));
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
    regions.values().stream().filter(r -> r.parentId.equals(organization)).forEach(r -> data.add(r.toJson()));
    return Reply.data(data);
  }
}
