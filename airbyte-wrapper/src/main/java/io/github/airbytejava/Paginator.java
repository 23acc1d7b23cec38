package io.github.airbytejava;

import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.ConnectionsResponse;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.DestinationsResponse;
import io.github.airbytejava.generated.model.GroupMemberResponse;
import io.github.airbytejava.generated.model.GroupMembersResponse;
import io.github.airbytejava.generated.model.GroupResponse;
import io.github.airbytejava.generated.model.GroupsResponse;
import io.github.airbytejava.generated.model.JobOrderByEnum;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.JobsResponse;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import io.github.airbytejava.generated.model.WorkspaceResponse;
import io.github.airbytejava.generated.model.WorkspacesResponse;
import io.github.airbytejava.internal.PageSpliterator;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list operation as one lazy {@link Stream}; obtained from {@link AirbyteClient#paginate()}.
 *
 * <pre>{@code
 * client.paginate().sources(List.of(workspaceId), false)
 *     .filter(source -> "postgres".equals(source.getSourceType()))
 *     .forEach(source -> System.out.println(source.getName()));
 * }</pre>
 *
 * <p>Pages of {@value #PAGE_SIZE} items (the API's maximum) are fetched only when the stream needs them, and
 * only one page is held at a time: {@code limit(5)} makes one request. The stream goes on while pages come back
 * non-empty and the server's {@code next} says there is more; a page shorter than the longest one so far is the
 * last (where the server's own page size ran out, also when a server or proxy caps {@code limit}), so only a list
 * that fits in its first page, or whose size is a multiple of the page size, costs one request that returns
 * nothing. A page that repeats the one before it (a server that ignores {@code offset}) fails the stream with an
 * {@link AirbyteException} instead of looping. A failing page throws the call's exception from the stream
 * operation that needed it.
 *
 * <p>Pages are read by offset: items created or deleted while the stream is consumed may shift the pages, so an
 * item may be skipped or seen twice. Collect into a map by id if that matters.
 */
public final class Paginator {
  /** Items asked for per request: the maximum the API accepts. */
  public static final int PAGE_SIZE = 100;

  /** Fetches one page of a list operation. */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /** The items from {@code offset}, at most {@code limit} of them, and the server's {@code next}. */
    Page<T> fetch(int limit, int offset);
  }

  /**
   * One page of a list: its items (null counts as none) and the server's {@code next} link (null or empty: no
   * more pages).
   */
  public record Page<T>(List<T> items, String next) {
    public static <T> Page<T> of(List<T> items, String next) {
      return new Page<>(items, next);
    }
  }

  private final AirbyteClient client;

  Paginator(AirbyteClient client) {
    this.client = client;
  }

  /**
   * Any list operation that takes {@code limit} and {@code offset}, such as jobs with every filter:
   * <pre>{@code
   * paginator.all((limit, offset) -> {
   *   JobsResponse page = client.jobs().listJobs().connectionId(connectionId).createdAtStart(since)
   *       .orderBy(JobOrderByEnum.CREATED_AT_ASC).limit(limit).offset(offset).execute();
   *   return Paginator.Page.of(page.getData(), page.getNext());
   * });
   * }</pre>
   */
  public <T> Stream<T> all(PageFetcher<T> fetcher) {
    return stream(PAGE_SIZE, fetcher);
  }

  /** Like {@link #all(PageFetcher)} with another page size (1 to {@value #PAGE_SIZE}). */
  public static <T> Stream<T> stream(int pageSize, PageFetcher<T> fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    if (pageSize < 1 || pageSize > PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize (the limit of each request) must be from 1 to " + PAGE_SIZE
          + ": " + pageSize);
    }
    return StreamSupport.stream(new PageSpliterator<>(pageSize, fetcher), false);
  }

  /** Every source the credentials can see, deleted ones excluded. */
  public Stream<SourceResponse> sources() {
    return sources(null, false);
  }

  /** The sources of these workspaces (null or empty: all visible). */
  public Stream<SourceResponse> sources(Collection<UUID> workspaceIds, boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    return all((limit, offset) -> page(client.sources().listSources().workspaceIds(ids)
        .includeDeleted(includeDeleted).limit(limit).offset(offset).execute(), SourcesResponse::getData,
        SourcesResponse::getNext));
  }

  /** Every destination the credentials can see, deleted ones excluded. */
  public Stream<DestinationResponse> destinations() {
    return destinations(null, false);
  }

  /** The destinations of these workspaces (null or empty: all visible). */
  public Stream<DestinationResponse> destinations(Collection<UUID> workspaceIds, boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    return all((limit, offset) -> page(client.destinations().listDestinations().workspaceIds(ids)
        .includeDeleted(includeDeleted).limit(limit).offset(offset).execute(), DestinationsResponse::getData,
        DestinationsResponse::getNext));
  }

  /** Every connection the credentials can see, deleted ones excluded. */
  public Stream<ConnectionResponse> connections() {
    return connections(null, null, false);
  }

  /** The connections of these workspaces carrying these tags (each null or empty: no filter). */
  public Stream<ConnectionResponse> connections(Collection<UUID> workspaceIds, Collection<UUID> tagIds,
      boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    List<UUID> tags = list(tagIds);
    return all((limit, offset) -> page(client.connections().listConnections().workspaceIds(ids).tagIds(tags)
        .includeDeleted(includeDeleted).limit(limit).offset(offset).execute(), ConnectionsResponse::getData,
        ConnectionsResponse::getNext));
  }

  /** Every workspace the credentials can see, deleted ones excluded. */
  public Stream<WorkspaceResponse> workspaces() {
    return workspaces(null, false);
  }

  /** These workspaces (null or empty: all visible). */
  public Stream<WorkspaceResponse> workspaces(Collection<UUID> workspaceIds, boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    return all((limit, offset) -> page(client.workspaces().listWorkspaces().workspaceIds(ids)
        .includeDeleted(includeDeleted).limit(limit).offset(offset).execute(), WorkspacesResponse::getData,
        WorkspacesResponse::getNext));
  }

  /** The jobs of a connection (null: of every visible connection), oldest first. */
  public Stream<JobResponse> jobs(UUID connectionId) {
    return jobs(connectionId, null, null);
  }

  /**
   * The jobs of a connection (null: every visible one), of a type and in a status (null: any), oldest first so
   * that jobs started meanwhile land on later pages instead of shifting them.
   */
  public Stream<JobResponse> jobs(UUID connectionId, JobTypeEnum jobType, JobStatusEnum status) {
    return all((limit, offset) -> page(client.jobs().listJobs().connectionId(connectionId).jobType(jobType)
        .status(status).orderBy(JobOrderByEnum.CREATED_AT_ASC).limit(limit).offset(offset).execute(),
        JobsResponse::getData, JobsResponse::getNext));
  }

  /** The groups of an organization. */
  public Stream<GroupResponse> groups(UUID organizationId) {
    Objects.requireNonNull(organizationId, "organizationId");
    return all((limit, offset) -> page(client.groups().listGroups(organizationId).limit(limit).offset(offset).execute(),
        GroupsResponse::getData, GroupsResponse::getNext));
  }

  /** The members of a group. */
  public Stream<GroupMemberResponse> groupMembers(UUID groupId) {
    Objects.requireNonNull(groupId, "groupId");
    return all((limit, offset) -> page(client.groups().listGroupMembers(groupId).limit(limit).offset(offset)
        .execute(), GroupMembersResponse::getData, GroupMembersResponse::getNext));
  }

  private static <R, T> Page<T> page(R response, Function<R, List<T>> items, Function<R, String> next) {
    return response == null ? Page.of(null, null) : Page.of(items.apply(response), next.apply(response));
  }

  /** The generated API sends an empty list as no filter; copying also keeps later changes out. */
  private static List<UUID> list(Collection<UUID> ids) {
    return ids == null || ids.isEmpty() ? null : List.copyOf(ids);
  }
}
