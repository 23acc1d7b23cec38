package io.github.airbytejava;

import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.GroupMemberResponse;
import io.github.airbytejava.generated.model.GroupResponse;
import io.github.airbytejava.generated.model.JobOrderByEnum;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.WorkspaceResponse;
import io.github.airbytejava.internal.PageSpliterator;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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
 * only one page is held at a time: {@code limit(5)} makes one request. The stream ends after a page with fewer
 * items than asked for, without asking for the empty page after it (the server's {@code next} link is set even
 * on a short page); only a total that is an exact multiple of {@value #PAGE_SIZE} costs one request that returns
 * nothing. A failing page throws the call's exception from the stream operation that needed it.
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
    /** The items from {@code offset}, at most {@code limit} of them; null counts as none. */
    List<T> fetch(int limit, int offset);
  }

  private final AirbyteClient client;

  Paginator(AirbyteClient client) {
    this.client = client;
  }

  /**
   * Any list operation that takes {@code limit} and {@code offset}, such as jobs with every filter:
   * <pre>{@code
   * paginator.all((limit, offset) -> client.jobs().listJobs().connectionId(connectionId).createdAtStart(since)
   *     .orderBy(JobOrderByEnum.CREATED_AT_ASC).limit(limit).offset(offset).execute().getData());
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
    return StreamSupport.stream(new PageSpliterator<>(pageSize, fetcher::fetch), false);
  }

  /** Every source the credentials can see, deleted ones excluded. */
  public Stream<SourceResponse> sources() {
    return sources(null, false);
  }

  /** The sources of these workspaces (null or empty: all visible). */
  public Stream<SourceResponse> sources(Collection<UUID> workspaceIds, boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    return all((limit, offset) -> client.sources().listSources().workspaceIds(ids).includeDeleted(includeDeleted)
        .limit(limit).offset(offset).execute().getData());
  }

  /** Every destination the credentials can see, deleted ones excluded. */
  public Stream<DestinationResponse> destinations() {
    return destinations(null, false);
  }

  /** The destinations of these workspaces (null or empty: all visible). */
  public Stream<DestinationResponse> destinations(Collection<UUID> workspaceIds, boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    return all((limit, offset) -> client.destinations().listDestinations().workspaceIds(ids)
        .includeDeleted(includeDeleted).limit(limit).offset(offset).execute().getData());
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
    return all((limit, offset) -> client.connections().listConnections().workspaceIds(ids).tagIds(tags)
        .includeDeleted(includeDeleted).limit(limit).offset(offset).execute().getData());
  }

  /** Every workspace the credentials can see, deleted ones excluded. */
  public Stream<WorkspaceResponse> workspaces() {
    return workspaces(null, false);
  }

  /** These workspaces (null or empty: all visible). */
  public Stream<WorkspaceResponse> workspaces(Collection<UUID> workspaceIds, boolean includeDeleted) {
    List<UUID> ids = list(workspaceIds);
    return all((limit, offset) -> client.workspaces().listWorkspaces().workspaceIds(ids).includeDeleted(includeDeleted)
        .limit(limit).offset(offset).execute().getData());
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
    return all((limit, offset) -> client.jobs().listJobs().connectionId(connectionId).jobType(jobType).status(status)
        .orderBy(JobOrderByEnum.CREATED_AT_ASC).limit(limit).offset(offset).execute().getData());
  }

  /** The groups of an organization. */
  public Stream<GroupResponse> groups(UUID organizationId) {
    Objects.requireNonNull(organizationId, "organizationId");
    return all((limit, offset) -> client.groups().listGroups(organizationId).limit(limit).offset(offset).execute()
        .getData());
  }

  /** The members of a group. */
  public Stream<GroupMemberResponse> groupMembers(UUID groupId) {
    Objects.requireNonNull(groupId, "groupId");
    return all((limit, offset) -> client.groups().listGroupMembers(groupId).limit(limit).offset(offset).execute()
        .getData());
  }

  /** The generated API sends an empty list as no filter; copying also keeps later changes out. */
  private static List<UUID> list(Collection<UUID> ids) {
    return ids == null || ids.isEmpty() ? null : List.copyOf(ids);
  }
}
