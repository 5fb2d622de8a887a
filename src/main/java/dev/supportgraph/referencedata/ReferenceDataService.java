package dev.supportgraph.referencedata;

import dev.supportgraph.graph.GlobalId;
import dev.supportgraph.graph.Node;
import dev.supportgraph.graph.Nodes;
import dev.supportgraph.persistence.ExternallyKeyed;
import dev.supportgraph.referencedata.ReferenceDataWriter.Result;
import dev.supportgraph.security.Caller;
import dev.supportgraph.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The reference-data mutations of one caller: systems of record (integration) and admins write
 * reference data; every other role is FORBIDDEN. Each call is one transaction: a failure is
 * thrown (and rolls back everything) for the mutation's userErrors.
 */
@ApplicationScoped
public class ReferenceDataService {

    @Inject
    ReferenceDataWriter writer;

    @Inject
    Caller caller;

    @Inject
    Nodes nodes;

    @Transactional
    public <E extends ExternallyKeyed, I extends ReferenceInputs.Upsert> Result upsert(Kind<E, I> kind, I input) {
        caller.require(Role.INTEGRATION, Role.ADMIN);
        return checked(writer.upsert(kind, List.of(input), caller.name()).getFirst());
    }

    @Transactional
    public Result deactivate(Kind<?, ?> kind, ReferenceInputs.Deactivate input) {
        caller.require(Role.INTEGRATION, Role.ADMIN);
        return writer.deactivate(kind, input, caller.name());
    }

    /** Links (or unlinks) a service and a resource; returns the service's and the resource's keys with the outcome. */
    @Transactional
    public Linked link(ReferenceInputs.Link input, boolean linked) {
        caller.require(Role.INTEGRATION, Role.ADMIN);
        Result result = writer.link(input, linked, caller.name());
        return new Linked(result.key(), writer.resourceOf(input), result.outcome());
    }

    record Linked(long service, long resource, UpsertOutcome outcome) {
    }

    /** The object of {@code type} with this external id, with the caller's scope as node(id:) has it. */
    @Transactional
    public Node byExternalId(ExternalType type, String externalId) {
        Long key = writer.keysByExternalId(type, List.of(externalId)).get(externalId);
        return key == null ? null : nodes.load(List.of(new GlobalId(type.nodeType, key))).getFirst();
    }

    private static Result checked(Result result) {
        if (result.error() != null) {
            throw result.error();
        }
        return result;
    }
}
