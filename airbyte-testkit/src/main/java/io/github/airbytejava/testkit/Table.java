package io.github.airbytejava.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one kind of workspace resource (sources, destinations, connections) in creation order, with the lists
 * that {@code workspaceIds} and {@code includeDeleted} ask for kept up to date on each write, so that a list request
 * does no work that grows with the store: it pages one of these lists. Deleted rows stay (for includeDeleted).
 */
final class Table<T> {

  private final Map<String, T> byId = new HashMap<>();
  /** Creation order, for merging the lists of several workspaces. */
  private final Map<T, Long> order = new IdentityHashMap<>();
  private final List<T> all = new ArrayList<>();
  private final List<T> live = new ArrayList<>();
  private final Map<String, List<T>> allByWorkspace = new HashMap<>();
  private final Map<String, List<T>> liveByWorkspace = new HashMap<>();

  void clear() {
    byId.clear();
    order.clear();
    all.clear();
    live.clear();
    allByWorkspace.clear();
    liveByWorkspace.clear();
  }

  T get(String id) {
    return byId.get(id);
  }

  /** Every row, deleted ones included, in creation order (for writes that must visit each). */
  List<T> all() {
    return Collections.unmodifiableList(all);
  }

  void add(String id, String workspaceId, T row) {
    byId.put(id, row);
    order.put(row, (long) order.size());
    all.add(row);
    live.add(row);
    allByWorkspace.computeIfAbsent(workspaceId, w -> new ArrayList<>()).add(row);
    liveByWorkspace.computeIfAbsent(workspaceId, w -> new ArrayList<>()).add(row);
  }

  /** After the row was marked deleted: it leaves the lists of live rows. */
  void deleted(String workspaceId, T row) {
    live.remove(row);
    liveByWorkspace.get(workspaceId).remove(row);
  }

  /** After a live row moved from one workspace to another (a source PATCH can move it). */
  void moved(String from, String to, T row) {
    allByWorkspace.get(from).remove(row);
    liveByWorkspace.get(from).remove(row);
    insertInOrder(allByWorkspace.computeIfAbsent(to, w -> new ArrayList<>()), row);
    insertInOrder(liveByWorkspace.computeIfAbsent(to, w -> new ArrayList<>()), row);
  }

  /** The rows a list asks for, in creation order; a view, not a copy, unless several workspaces are asked for. */
  List<T> list(Set<String> workspaceIds, boolean includeDeleted) {
    if (workspaceIds.isEmpty()) {
      return Collections.unmodifiableList(includeDeleted ? all : live);
    }
    Map<String, List<T>> index = includeDeleted ? allByWorkspace : liveByWorkspace;
    if (workspaceIds.size() == 1) {
      return Collections.unmodifiableList(index.getOrDefault(workspaceIds.iterator().next(), List.of()));
    }
    List<T> rows = new ArrayList<>();
    workspaceIds.forEach(w -> rows.addAll(index.getOrDefault(w, List.of())));
    rows.sort(Comparator.comparing(order::get));
    return rows;
  }

  private void insertInOrder(List<T> rows, T row) {
    long position = order.get(row);
    int at = 0;
    while (at < rows.size() && order.get(rows.get(at)) < position) {
      at++;
    }
    rows.add(at, row);
  }
}
