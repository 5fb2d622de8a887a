package dev.supportgraph.security;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.OptionalLong;

/**
 * Who is calling, as the services need it: the name recorded as actor, the roles, and for portal
 * users the one customer every read and write is scoped to.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    SecurityConfig config;

    /** customerScope() is asked once per row a batch filters: read the token's claim once per request. */
    private OptionalLong scope;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Staff see across customers; a portal user only their own. */
    public boolean isStaff() {
        return customerScope().isEmpty();
    }

    /**
     * The customer this caller is confined to, or empty for staff. A portal user without a valid
     * customer claim is confined to nothing (customer id -1 matches no row).
     */
    public OptionalLong customerScope() {
        if (scope == null) {
            scope = resolveScope();
        }
        return scope;
    }

    private OptionalLong resolveScope() {
        return scopeOf(identity, config.customerClaim());
    }

    /**
     * {@link #customerScope()} of any identity, for code that runs outside a request scope (the
     * compiled queries answer on the event loop).
     */
    public static OptionalLong scopeOf(SecurityIdentity identity, String customerClaim) {
        if (identity.hasRole(Role.AGENT) || identity.hasRole(Role.SRE) || identity.hasRole(Role.ADMIN)) {
            return OptionalLong.empty();
        }
        if (identity.hasRole(Role.INTEGRATION)) {
            // Confined to no customer: what it may read besides is granted per list (ScopedReads.referenceData).
            return OptionalLong.of(-1);
        }
        // Only portal users are bound by the claim: a token of another role with a customer_id gets nothing from it.
        if (identity.hasRole(Role.CUSTOMER) && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(customerClaim);
            if (claim != null) {
                try {
                    return OptionalLong.of(Long.parseLong(claim.toString().replace("\"", "")));
                } catch (NumberFormatException ignored) {
                    // fall through: an unusable claim grants nothing
                }
            }
        }
        return OptionalLong.of(-1);
    }

    /**
     * What decides which data this caller may read: the roles and the customer scope (no read
     * depends on the name). Subscription events rendered for one caller are shared with callers
     * of the same read scope, so a read that comes to depend on more must add it here.
     */
    public String readScope() {
        return identity.getRoles().stream().sorted().toList() + " " + customerScope();
    }

    /**
     * Whether this caller reads reference data (customers, contacts, services, resources) across
     * customers: staff, and systems of record, which are otherwise confined to nothing.
     */
    public boolean readsReferenceData() {
        return isStaff() || has(Role.INTEGRATION);
    }

    /** True when this caller may see objects of the given customer. */
    public boolean canSeeCustomer(long customerId) {
        OptionalLong scope = customerScope();
        return scope.isEmpty() || scope.getAsLong() == customerId;
    }

    /** Refuses callers without one of the given roles. */
    public void require(String... roles) {
        for (String role : roles) {
            if (has(role)) {
                return;
            }
        }
        throw ApiException.of(ErrorCode.FORBIDDEN, "This operation needs one of the roles " + String.join(", ", roles));
    }
}
