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

  private final Context context;
  private final Regions regions;
  private final Map<String, Placement> dataplanes = new LinkedHashMap<>();

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

  private Placement require(String id) {
    Placement dataplane = dataplanes.get(Check.uuid(id, "dataplaneId"));
    if (dataplane == null) {
      throw new Reply.Refusal(Reply.notFound("dataplane", id));
    }
    return dataplane;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String regionId = regions.require(Json.requiredString(body, "regionId")).id;
    Placement dataplane = Placement.create(body, "dataplaneId", "regionId", regionId, context);
    dataplanes.put(dataplane.id, dataplane);
    JsonObject response = new JsonObject();
    response.addProperty("dataplaneId", dataplane.id);
    response.addProperty("regionId", regionId);
    response.addProperty("clientId", "dataplane-" + dataplane.id);
    response.addProperty("clientSecret", UUID.randomUUID().toString());
    return Reply.ok(response);
  }

  private Reply update(Call call) {
    Placement dataplane = require(call.path("dataplaneId"));
    dataplane.patch(call.json(), context);
    return Reply.ok(dataplane.toJson());
  }

  private Reply delete(Call call) {
    Placement dataplane = require(call.path("dataplaneId"));
    dataplanes.remove(dataplane.id);
    return Reply.ok(dataplane.toJson());
  }

  private Reply list(Call call) {
    Set<String> regionIds = call.uuidsQuery("regionIds");
    JsonArray data = new JsonArray();
    for (Placement d : dataplanes.values()) {
      if (regionIds.isEmpty() || regionIds.contains(d.parentId)) {
        data.add(d.toJson());
      }
    }
    return Reply.data(data);
  }
}
