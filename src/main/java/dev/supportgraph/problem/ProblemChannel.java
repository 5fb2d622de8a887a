package dev.supportgraph.problem;

/** How a problem report reached us. */
public enum ProblemChannel {
    PORTAL, PHONE, EMAIL, CHAT, AGENT, PROACTIVE
}
