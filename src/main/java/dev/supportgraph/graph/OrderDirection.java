package dev.supportgraph.graph;

public enum OrderDirection {
    ASC, DESC
}
