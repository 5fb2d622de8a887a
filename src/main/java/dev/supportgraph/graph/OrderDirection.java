package dev.supportgraph.graph;

import org.eclipse.microprofile.graphql.Description;

@Description("Sort direction.")
public enum OrderDirection {
    @Description("Smallest, oldest or first in the alphabet first.")
    ASC,
    @Description("Largest, newest or last in the alphabet first.")
    DESC
}
