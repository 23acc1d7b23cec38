package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.JobTypeEnum;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an {@link AirbyteListener} hears, for metrics and traces. */
class ListenerTest extends FacadeTestSupport {
  private final List<Object> heard = new CopyOnWriteArrayList<>();
  private final AirbyteListener recording = new AirbyteListener() {
    @Override
    public void onRequestStart(RequestStart start) {
      heard.add(start);
    }

    @Override
    public void onRequestEnd(RequestEnd end) {
      heard.add(end);
    }

    @Override
    public void onRetry(Retry retry) {
      heard.add(retry);
    }

    @Override
    public void onTokenRefresh(TokenRefresh refresh) {
      heard.add(refresh);
    }

    @Override
    public void onSyncPoll(SyncPoll poll) {
      heard.add(poll);
    }
  };

  private <T> List<T> heard(Class<T> type) {
    return heard.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void eachCallIsHeardWithItsOperationStatusAndDuration() {
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/2", json(404, "{\"title\":\"nope\"}"));
    AirbyteClient client = track(builder().listener(recording).build());

    client.jobs().getJob(1L).execute();
    NotFoundException missing = assertThrows(NotFoundException.class, () -> client.jobs().getJob(2L).execute());

    List<AirbyteListener.RequestStart> starts = heard(AirbyteListener.RequestStart.class);
    List<AirbyteListener.RequestEnd> ends = heard(AirbyteListener.RequestEnd.class);
    assertEquals(2, starts.size());
    assertEquals(new AirbyteListener.RequestStart("getJob", "GET", "/v1/jobs/1", START), starts.get(0));
    assertEquals("getJob", ends.get(0).operationId());
    assertEquals(200, ends.get(0).statusCode());
    assertNull(ends.get(0).failure());
    assertTrue(!ends.get(0).duration().isNegative());
    assertEquals(404, ends.get(1).statusCode());
    assertEquals(missing, ends.get(1).failure());
  }

  @Test
  void retriesAndTokenRefreshesAreHeard() {
    routes.on("POST /v1/applications/token", json(200, "{\"access_token\":\"t\",\"expires_in\":900}"));
    routes.on("GET /v1/jobs/1", json(503, "{}"), json(200, job(1, "running")));
    AirbyteClient client = track(builder().credentials(Credentials.clientCredentials("id", "secret"))
        .listener(recording).build());

    client.jobs().getJob(1L).execute();

    AirbyteListener.Retry retry = heard(AirbyteListener.Retry.class).get(0);
    assertEquals(List.of("GET", "/v1/jobs/1", 1, 503), List.of(retry.method(), retry.path(), retry.attempt(),
        retry.statusCode()));
    assertEquals(Duration.ofMillis(500), retry.delay());
    AirbyteListener.TokenRefresh refresh = heard(AirbyteListener.TokenRefresh.class).get(0);
    assertEquals(START.plusSeconds(900), refresh.expiresAt());
    assertEquals(false, refresh.early());
    assertEquals(200, heard(AirbyteListener.RequestEnd.class).get(0).statusCode(), "the call's final status");
  }

  @Test
  void syncPollsAreHeard() {
    routes.on("POST /v1/jobs", json(200, job(3, "pending")));
    routes.on("GET /v1/jobs/3", json(200, job(3, "running")), json(200, job(3, "succeeded")));
    track(builder().listener(recording).build()).syncs().run(CONNECTION).job();

    List<AirbyteListener.SyncPoll> polls = heard(AirbyteListener.SyncPoll.class);
    assertEquals(List.of(1, 2, 3), polls.stream().map(AirbyteListener.SyncPoll::poll).toList());
    assertEquals("succeeded", polls.get(2).job().getStatus().getValue());
  }

  @Test
  void asyncCallsAreHeardToo() throws Exception {
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    track(builder().listener(recording).build()).jobs().getJob(1L).executeAsync().get(5, TimeUnit.SECONDS);
    assertEquals(200, heard(AirbyteListener.RequestEnd.class).get(0).statusCode());
  }

  @Test
  void aListenerThatThrowsNeverFailsTheCall() {
    RecordingSlf4j.clear();
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    AirbyteListener broken = new AirbyteListener() {
      @Override
      public void onRequestEnd(RequestEnd end) {
        throw new IllegalStateException("metrics backend down");
      }
    };
    assertEquals(1L, track(builder().listener(broken).build()).jobs().getJob(1L).execute().getJobId());
    RecordingSlf4j.Event warning = RecordingSlf4j.events("io.github.airbytejava.listener").get(0);
    assertEquals(org.slf4j.event.Level.WARN, warning.level());
    assertInstanceOf(IllegalStateException.class, warning.thrown());
  }

  @Test
  void aScopedClientKeepsTheListener() {
    routes.on("POST /v1/jobs", json(200, job(3, "pending")));
    track(builder().listener(recording).build()).withOptions(o -> o.header("X-A", "1")).syncs()
        .start(CONNECTION, JobTypeEnum.SYNC);
    assertEquals("createJob", heard(AirbyteListener.RequestEnd.class).get(0).operationId());
  }
}
