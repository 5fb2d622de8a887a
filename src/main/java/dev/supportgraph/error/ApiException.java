package dev.supportgraph.error;

import io.smallrye.graphql.api.ErrorCode;

import java.util.List;

/**
 * A client-facing failure of a query or mutation argument: a GraphQL error whose message is
 * shown as is and whose {@code extensions.code} is the {@link dev.supportgraph.error.ErrorCode}.
 * SmallRye maps codes per exception class ({@code @ErrorCode}), hence one small subclass per code;
 * create them with {@link #of}. Mutations report expected failures as {@code userErrors} instead.
 */
public abstract sealed class ApiException extends RuntimeException {

    private final dev.supportgraph.error.ErrorCode code;
    private final List<String> field;

    private ApiException(dev.supportgraph.error.ErrorCode code, List<String> field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = List.copyOf(field);
    }

    public dev.supportgraph.error.ErrorCode code() {
        return code;
    }

    /** The path of the argument or input field at fault (e.g. {@code [input, title]}), empty if none. */
    public List<String> field() {
        return field;
    }

    public static ApiException of(dev.supportgraph.error.ErrorCode code, String message) {
        return of(code, List.of(), message);
    }

    public static ApiException of(dev.supportgraph.error.ErrorCode code, List<String> field, String message) {
        return switch (code) {
            case NOT_FOUND -> new NotFound(field, message);
            case INVALID_ID -> new InvalidId(field, message);
            case BAD_USER_INPUT -> new BadUserInput(field, message);
            case INVALID_CURSOR -> new InvalidCursor(field, message);
            case INVALID_TRANSITION -> new InvalidTransition(field, message);
            case STALE_OBJECT -> new StaleObject(field, message);
            case IDEMPOTENCY_KEY_REUSED -> new IdempotencyKeyReused(field, message);
            case FORBIDDEN -> new Forbidden(field, message);
            case QUERY_TOO_COMPLEX -> new QueryTooComplex(field, message);
            case BUSINESS_RULE -> new BusinessRule(field, message);
            case SUBSCRIBER_TOO_SLOW -> new SubscriberTooSlow(field, message);
            case TIMEOUT -> new Timeout(field, message);
            case INTERNAL -> new Internal(field, message);
            case BAD_REQUEST, GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, INTROSPECTION_DISABLED,
                 PERSISTED_QUERY_NOT_FOUND, PERSISTED_QUERY_NOT_SUPPORTED, PERSISTED_QUERY_NOT_IN_LIST ->
                    throw new IllegalArgumentException(code + " is reported by the protocol layer, not by resolvers");
        };
    }

    public static ApiException notFound(String type, String id) {
        return of(dev.supportgraph.error.ErrorCode.NOT_FOUND, type + " not found: " + id);
    }

    public static ApiException badInput(String message) {
        return of(dev.supportgraph.error.ErrorCode.BAD_USER_INPUT, message);
    }

    /** An invalid mutation input field, e.g. {@code badInput("must not be blank", "input", "title")}. */
    public static ApiException badInput(String message, String... field) {
        return of(dev.supportgraph.error.ErrorCode.BAD_USER_INPUT, List.of(field), message);
    }

    @ErrorCode("NOT_FOUND")
    static final class NotFound extends ApiException {
        NotFound(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.NOT_FOUND, field, message);
        }
    }

    @ErrorCode("INVALID_ID")
    static final class InvalidId extends ApiException {
        InvalidId(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.INVALID_ID, field, message);
        }
    }

    @ErrorCode("BAD_USER_INPUT")
    static final class BadUserInput extends ApiException {
        BadUserInput(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.BAD_USER_INPUT, field, message);
        }
    }

    @ErrorCode("INVALID_CURSOR")
    static final class InvalidCursor extends ApiException {
        InvalidCursor(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.INVALID_CURSOR, field, message);
        }
    }

    @ErrorCode("SUBSCRIBER_TOO_SLOW")
    static final class SubscriberTooSlow extends ApiException {
        SubscriberTooSlow(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.SUBSCRIBER_TOO_SLOW, field, message);
        }
    }

    @ErrorCode("TIMEOUT")
    static final class Timeout extends ApiException {
        Timeout(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.TIMEOUT, field, message);
        }
    }

    @ErrorCode("INVALID_TRANSITION")
    static final class InvalidTransition extends ApiException {
        InvalidTransition(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.INVALID_TRANSITION, field, message);
        }
    }

    @ErrorCode("STALE_OBJECT")
    static final class StaleObject extends ApiException {
        StaleObject(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.STALE_OBJECT, field, message);
        }
    }

    @ErrorCode("IDEMPOTENCY_KEY_REUSED")
    static final class IdempotencyKeyReused extends ApiException {
        IdempotencyKeyReused(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.IDEMPOTENCY_KEY_REUSED, field, message);
        }
    }

    @ErrorCode("FORBIDDEN")
    static final class Forbidden extends ApiException {
        Forbidden(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.FORBIDDEN, field, message);
        }
    }

    @ErrorCode("QUERY_TOO_COMPLEX")
    static final class QueryTooComplex extends ApiException {
        QueryTooComplex(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.QUERY_TOO_COMPLEX, field, message);
        }
    }

    @ErrorCode("BUSINESS_RULE")
    static final class BusinessRule extends ApiException {
        BusinessRule(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.BUSINESS_RULE, field, message);
        }
    }

    @ErrorCode("INTERNAL")
    static final class Internal extends ApiException {
        Internal(List<String> field, String message) {
            super(dev.supportgraph.error.ErrorCode.INTERNAL, field, message);
        }
    }
}
