package dev.supportgraph.graph;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Loads nodes of the types a domain owns, for {@code node(id:)} and {@code nodes(ids:)}. Each
 * domain service implements it; it must apply the same authorization as the domain's own
 * queries and simply leave out what the caller may not see.
 */
public interface NodeLoader {

    /** The GraphQL type names this loader answers for. */
    Set<String> nodeTypes();

    /** The visible nodes of {@code type} among {@code ids}, in any order, in one statement. */
    List<? extends Node> loadNodes(String type, Collection<Long> ids);
}
