package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Regions and their dataplanes. */
class RegionsTest {

  static final ManualClock clock = new ManualClock();

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension(FakeAirbyte.builder().clock(clock)
      .tokenLifetime(Duration.ofDays(1)));

  private Http http;
  private String organizationId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    organizationId = airbyte.fake().defaultOrganizationId().toString();
  }

  @Test
  void regionsCreateGetListPatchDelete() {
    JsonObject region = http.post("/regions", obj("name", "eu-west", "organizationId", organizationId)).json();
    String id = region.get("regionId").getAsString();
    assertTrue(region.get("enabled").getAsBoolean());
    assertEquals(clock.instant(), OffsetDateTime.parse(region.get("createdAt").getAsString()).toInstant());
    assertEquals(1, http.get("/regions?organizationId=" + organizationId).json().getAsJsonArray("data").size());

    clock.advance(Duration.ofMinutes(1));
    JsonObject patched = http.patch("/regions/" + id, obj("enabled", false)).json();
    assertFalse(patched.get("enabled").getAsBoolean());
    assertEquals("eu-west", patched.get("name").getAsString());
    assertEquals(clock.instant(), OffsetDateTime.parse(patched.get("updatedAt").getAsString()).toInstant());

    assertEquals(id, http.delete("/regions/" + id).json().get("regionId").getAsString());
    assertEquals(404, http.get("/regions/" + id).status());
    assertEquals(404, http.post("/regions", obj("name", "x", "organizationId", UUID.randomUUID().toString()))
        .status());
  }

  @Test
  void dataplanesOfARegionWithCredentialsOnCreate() {
    String regionId = http.post("/regions", obj("name", "eu-west", "organizationId", organizationId)).json()
        .get("regionId").getAsString();
    String otherRegion = http.post("/regions", obj("name", "us-east", "organizationId", organizationId)).json()
        .get("regionId").getAsString();
    JsonObject created = http.post("/dataplanes", obj("name", "dp-1", "regionId", regionId)).json();
    String id = created.get("dataplaneId").getAsString();
    assertFalse(created.get("clientSecret").getAsString().isEmpty());
    http.post("/dataplanes", obj("name", "dp-2", "regionId", otherRegion, "enabled", false));

    assertEquals(2, http.get("/dataplanes").json().getAsJsonArray("data").size());
    assertEquals(1, http.get("/dataplanes?regionIds=" + regionId).json().getAsJsonArray("data").size());
    assertEquals("dp-1", http.get("/dataplanes/" + id).json().get("name").getAsString());
    assertEquals("dp-one", http.patch("/dataplanes/" + id, obj("name", "dp-one")).json().get("name")
        .getAsString());
    assertEquals(id, http.delete("/dataplanes/" + id).json().get("dataplaneId").getAsString());
    assertEquals(404, http.get("/dataplanes/" + id).status());
    assertEquals(404, http.post("/dataplanes", obj("name", "x", "regionId", UUID.randomUUID().toString())).status());
  }
}
