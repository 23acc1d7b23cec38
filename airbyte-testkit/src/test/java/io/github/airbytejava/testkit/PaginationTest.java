package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaginationTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  static Http http;

  @BeforeAll
  static void fiveSources() {
    http = new Http(airbyte.fake()).login();
    for (int i = 0; i < 5; i++) {
      http.post("/sources", obj("name", "s" + i, "workspaceId", airbyte.fake().defaultWorkspaceId(),
          "configuration", obj("sourceType", "faker", "count", i + 1)));
    }
  }

  @Test
  void nextIsSetOnEveryNonEmptyPageAndEmptyOnTheEmptyOne() {
    JsonObject first = http.get("/sources?limit=2").json();
    assertEquals(2, first.getAsJsonArray("data").size());
    assertEquals("", first.get("previous").getAsString());
    assertEquals(airbyte.fake().baseUrl() + "/sources?limit=2&offset=2", first.get("next").getAsString());

    JsonObject second = http.getUrl(first.get("next").getAsString()).json();
    assertEquals(airbyte.fake().baseUrl() + "/sources?limit=2&offset=0", second.get("previous").getAsString());

    JsonObject third = http.getUrl(second.get("next").getAsString()).json();
    assertEquals(1, third.getAsJsonArray("data").size());
    // A short page still has a next link, as on the real server.
    assertEquals(airbyte.fake().baseUrl() + "/sources?limit=2&offset=6", third.get("next").getAsString());

    JsonObject empty = http.getUrl(third.get("next").getAsString()).json();
    assertEquals(0, empty.getAsJsonArray("data").size());
    assertEquals("", empty.get("next").getAsString());
    assertEquals(airbyte.fake().baseUrl() + "/sources?limit=2&offset=4", empty.get("previous").getAsString());
  }

  @Test
  void followingNextVisitsEveryItemOnce() {
    Set<String> names = new HashSet<>();
    String url = airbyte.fake().baseUrl() + "/sources?limit=3";
    int pages = 0;
    while (!url.isEmpty()) {
      JsonObject page = http.getUrl(url).json();
      page.getAsJsonArray("data").forEach(s -> assertTrue(names.add(s.getAsJsonObject().get("name").getAsString())));
      url = page.get("next").getAsString();
      pages++;
    }
    assertEquals(5, names.size());
    assertEquals(3, pages); // 3 + 2 + the empty page that ends it
  }

  @Test
  void nextKeepsTheFilters() {
    String workspaceId = airbyte.fake().defaultWorkspaceId().toString();
    String next = http.get("/sources?workspaceIds=" + workspaceId + "&includeDeleted=false&limit=4").json()
        .get("next").getAsString();
    HttpUrl url = HttpUrl.get(next);
    assertEquals(workspaceId, url.queryParameter("workspaceIds"));
    assertEquals("false", url.queryParameter("includeDeleted"));
    assertEquals("4", url.queryParameter("limit"));
    assertEquals("4", url.queryParameter("offset"));
  }

  @Test
  void defaultLimitIs20() {
    JsonObject page = http.get("/sources").json();
    assertEquals(5, page.getAsJsonArray("data").size());
    assertEquals(airbyte.fake().baseUrl() + "/sources?limit=20&offset=20", page.get("next").getAsString());
  }

  @Test
  void listsByWorkspaceKeepCreationOrderAndFollowMovesAndDeletes() {
    String home = airbyte.fake().defaultWorkspaceId().toString();
    String other = http.post("/workspaces", obj("name", "other")).json().get("workspaceId").getAsString();
    String moved = http.post("/sources", obj("name", "moved", "workspaceId", home,
        "configuration", obj("sourceType", "faker"))).json().get("sourceId").getAsString();
    String there = http.post("/sources", obj("name", "there", "workspaceId", other,
        "configuration", obj("sourceType", "faker"))).json().get("sourceId").getAsString();
    try {
      http.patch("/sources/" + moved, obj("workspaceId", other));
      assertEquals(List.of("moved", "there"), names("/sources?workspaceIds=" + other));
      assertEquals(List.of("s0", "s1", "s2", "s3", "s4"), names("/sources?workspaceIds=" + home));
      assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "moved", "there"),
          names("/sources?workspaceIds=" + other + "&workspaceIds=" + home + "&limit=100"));
      http.delete("/sources/" + there);
      assertEquals(List.of("moved"), names("/sources?workspaceIds=" + other));
      assertEquals(List.of("moved", "there"), names("/sources?workspaceIds=" + other + "&includeDeleted=true"));
    } finally {
      http.delete("/sources/" + moved);
    }
  }

  private static List<String> names(String path) {
    List<String> out = new java.util.ArrayList<>();
    http.get(path).json().getAsJsonArray("data").forEach(s -> out.add(s.getAsJsonObject().get("name").getAsString()));
    return out;
  }

  @Test
  void limitOutside1To100AndNegativeOffsetGet400() {
    for (String query : new String[] {"limit=0", "limit=101", "offset=-1", "limit=abc"}) {
      Http.Res res = http.get("/sources?" + query);
      assertEquals(400, res.status(), query);
      assertEquals(400, res.json().get("status").getAsInt());
    }
    assertEquals(200, http.get("/sources?limit=100").status());
    assertEquals(200, http.get("/sources?limit=1").status());
    // The requests were wrong on purpose: the spec's limits flagged each of them.
    assertEquals(4, airbyte.fake().mismatches().size(), airbyte.fake().mismatches()::toString);
    airbyte.fake().clearMismatches();
  }
}
