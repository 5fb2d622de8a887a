package dev.supportgraph.resourcetrouble;

/** CDI event fired, synchronously and inside the transaction, when a resource trouble is resolved. */
public record ResourceTroubleResolved(long id, String number, String resolution) {
}
