package dev.supportgraph.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every domain's {@link NodeLoader} by GraphQL type name. Besides {@code node(id:)}, batch
 * resolvers use it to follow a reference into another domain (one statement, with that domain's
 * authorization) without depending on its service.
 */
@ApplicationScoped
public class NodeLoaders {

    @Inject
    @Any
    Instance<NodeLoader> all;

    private volatile Map<String, NodeLoader> byType;

    /** The visible nodes of {@code type} among {@code ids}, in any order; none for an unknown type. */
    public List<? extends Node> load(String type, Collection<Long> ids) {
        NodeLoader loader = loaders().get(type);
        return loader == null || ids.isEmpty() ? List.of() : loader.loadNodes(type, ids);
    }

    /** As {@link #load}, keyed by database id, for resolving foreign keys. */
    public <T extends Node> Map<Long, T> byKey(String type, Class<T> javaType, Collection<Long> ids) {
        return load(type, ids).stream().map(javaType::cast).collect(Collectors.toMap(Node::key, Function.identity()));
    }

    private Map<String, NodeLoader> loaders() {
        if (byType == null) {
            Map<String, NodeLoader> map = new HashMap<>();
            all.forEach(loader -> loader.nodeTypes().forEach(type -> map.put(type, loader)));
            byType = map;
        }
        return byType;
    }
}
