package dev.supportgraph.ticket;

import dev.supportgraph.graph.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

/**
 * What problem reports, service troubles and resource troubles share. The record types
 * implement the accessors ({@code number()}); SmallRye only reads getter-named methods on
 * interfaces, so the schema fields are the default getters delegating to them.
 * {@code statusHistory} and {@code notes} are batch resolvers on this interface
 * ({@link TicketGraphQL}), which SmallRye adds to every implementing type.
 */
@Interface("Ticket")
@Description("A trouble ticket: a customer problem report, a service trouble or a resource trouble.")
public interface Ticket extends Node {

    @Ignore
    TicketKind kind();

    String number();

    String title();

    String description();

    TicketStatus status();

    TicketPriority priority();

    TicketSeverity severity();

    OffsetDateTime createdAt();

    OffsetDateTime updatedAt();

    int version();

    String externalId();

    /** The assigned agent's database id, or null. */
    @Ignore
    Long assigneeKey();

    /** The work group's database id, or null. */
    @Ignore
    Long workGroupKey();

    /** The category's database id, or null. */
    @Ignore
    Long categoryKey();

    @NonNull
    @Description("Human-readable ticket number, e.g. PR-00000042.")
    default String getNumber() {
        return number();
    }

    @Description("The id of this ticket in another system (unique per kind); null when it has none.")
    default String getExternalId() {
        return externalId();
    }

    @NonNull
    default String getTitle() {
        return title();
    }

    @NonNull
    default String getDescription() {
        return description();
    }

    @NonNull
    default TicketStatus getStatus() {
        return status();
    }

    @NonNull
    default TicketPriority getPriority() {
        return priority();
    }

    @NonNull
    default TicketSeverity getSeverity() {
        return severity();
    }

    @NonNull
    default OffsetDateTime getCreatedAt() {
        return createdAt();
    }

    @NonNull
    default OffsetDateTime getUpdatedAt() {
        return updatedAt();
    }

    @Description("Optimistic-locking version; pass it as expectedVersion when updating.")
    default int getVersion() {
        return version();
    }
}
