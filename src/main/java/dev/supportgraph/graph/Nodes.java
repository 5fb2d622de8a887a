package dev.supportgraph.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Objects of any type by global id, through the domains' {@link NodeLoader}s (so with the caller's scope). */
@ApplicationScoped
public class Nodes {

    private final Map<String, NodeLoader> loaders = new HashMap<>();

    @Inject
    Nodes(@Any Instance<NodeLoader> all) {
        all.forEach(loader -> loader.nodeTypes().forEach(type -> loaders.put(type, loader)));
    }

    /** The objects with these ids, in the same order; null where one does not exist or is not visible. One statement per type. */
    public List<Node> load(List<GlobalId> ids) {
        Map<String, List<Long>> byType = new LinkedHashMap<>();
        ids.forEach(id -> byType.computeIfAbsent(id.type(), t -> new ArrayList<>()).add(id.id()));
        Map<GlobalId, Node> found = new HashMap<>();
        byType.forEach((type, keys) -> {
            NodeLoader loader = loaders.get(type);
            if (loader != null) {
                loader.loadNodes(type, keys).forEach(node -> found.put(new GlobalId(type, node.key()), node));
            }
        });
        return ids.stream().map(found::get).toList();
    }
}
