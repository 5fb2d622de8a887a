package dev.supportgraph.graph;

import io.smallrye.graphql.api.ErrorCode;

/**
 * A client-facing failure of a query or mutation argument: a GraphQL error whose message is
 * shown as is and whose {@code extensions.code} is the {@link dev.supportgraph.graph.ErrorCode}.
 * SmallRye maps codes per exception class ({@code @ErrorCode}), hence one small subclass per code;
 * create them with {@link #of}. Mutations report expected failures as {@code userErrors} instead.
 */
public abstract sealed class ApiException extends RuntimeException {

    private final dev.supportgraph.graph.ErrorCode code;

    private ApiException(dev.supportgraph.graph.ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public dev.supportgraph.graph.ErrorCode code() {
        return code;
    }

    public static ApiException of(dev.supportgraph.graph.ErrorCode code, String message) {
        return switch (code) {
            case NOT_FOUND -> new NotFound(message);
            case INVALID_ID -> new InvalidId(message);
            case BAD_USER_INPUT -> new BadUserInput(message);
            case INVALID_CURSOR -> new InvalidCursor(message);
            case INVALID_TRANSITION -> new InvalidTransition(message);
            case STALE_OBJECT -> new StaleObject(message);
            case IDEMPOTENCY_KEY_REUSED -> new IdempotencyKeyReused(message);
            case FORBIDDEN -> new Forbidden(message);
            case QUERY_TOO_COMPLEX -> new QueryTooComplex(message);
            case BUSINESS_RULE -> new BusinessRule(message);
            case INTERNAL -> new Internal(message);
            case BAD_REQUEST, GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, INTROSPECTION_DISABLED ->
                    throw new IllegalArgumentException(code + " is reported by the protocol layer, not by resolvers");
        };
    }

    public static ApiException notFound(String type, String id) {
        return of(dev.supportgraph.graph.ErrorCode.NOT_FOUND, type + " not found: " + id);
    }

    public static ApiException badInput(String message) {
        return of(dev.supportgraph.graph.ErrorCode.BAD_USER_INPUT, message);
    }

    @ErrorCode("NOT_FOUND")
    static final class NotFound extends ApiException {
        NotFound(String message) {
            super(dev.supportgraph.graph.ErrorCode.NOT_FOUND, message);
        }
    }

    @ErrorCode("INVALID_ID")
    static final class InvalidId extends ApiException {
        InvalidId(String message) {
            super(dev.supportgraph.graph.ErrorCode.INVALID_ID, message);
        }
    }

    @ErrorCode("BAD_USER_INPUT")
    static final class BadUserInput extends ApiException {
        BadUserInput(String message) {
            super(dev.supportgraph.graph.ErrorCode.BAD_USER_INPUT, message);
        }
    }

    @ErrorCode("INVALID_CURSOR")
    static final class InvalidCursor extends ApiException {
        InvalidCursor(String message) {
            super(dev.supportgraph.graph.ErrorCode.INVALID_CURSOR, message);
        }
    }

    @ErrorCode("INVALID_TRANSITION")
    static final class InvalidTransition extends ApiException {
        InvalidTransition(String message) {
            super(dev.supportgraph.graph.ErrorCode.INVALID_TRANSITION, message);
        }
    }

    @ErrorCode("STALE_OBJECT")
    static final class StaleObject extends ApiException {
        StaleObject(String message) {
            super(dev.supportgraph.graph.ErrorCode.STALE_OBJECT, message);
        }
    }

    @ErrorCode("IDEMPOTENCY_KEY_REUSED")
    static final class IdempotencyKeyReused extends ApiException {
        IdempotencyKeyReused(String message) {
            super(dev.supportgraph.graph.ErrorCode.IDEMPOTENCY_KEY_REUSED, message);
        }
    }

    @ErrorCode("FORBIDDEN")
    static final class Forbidden extends ApiException {
        Forbidden(String message) {
            super(dev.supportgraph.graph.ErrorCode.FORBIDDEN, message);
        }
    }

    @ErrorCode("QUERY_TOO_COMPLEX")
    static final class QueryTooComplex extends ApiException {
        QueryTooComplex(String message) {
            super(dev.supportgraph.graph.ErrorCode.QUERY_TOO_COMPLEX, message);
        }
    }

    @ErrorCode("BUSINESS_RULE")
    static final class BusinessRule extends ApiException {
        BusinessRule(String message) {
            super(dev.supportgraph.graph.ErrorCode.BUSINESS_RULE, message);
        }
    }

    @ErrorCode("INTERNAL")
    static final class Internal extends ApiException {
        Internal(String message) {
            super(dev.supportgraph.graph.ErrorCode.INTERNAL, message);
        }
    }
}
