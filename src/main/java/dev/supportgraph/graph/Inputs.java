package dev.supportgraph.graph;

import dev.supportgraph.error.ApiException;

import java.math.BigDecimal;
import java.util.List;

/** Validation of mutation inputs; every failure names its field (BAD_USER_INPUT). */
public final class Inputs {

    private Inputs() {
    }

    /** The longest key of an object in another system (externalId) this API keeps. */
    public static final int EXTERNAL_ID_LENGTH = 200;

    /** An object's key in another system: 1 to {@link #EXTERNAL_ID_LENGTH} characters, stripped. */
    public static String externalId(String value, String... field) {
        return text(value, EXTERNAL_ID_LENGTH, field);
    }

    public static String text(String value, int maxLength, String... field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badInput("must not be blank", field);
        }
        if (value.length() > maxLength) {
            throw ApiException.badInput("must have at most " + maxLength + " characters", field);
        }
        return value.strip();
    }

    /** A positive (or with {@code zeroAllowed} non-negative) amount with at most two fraction digits. */
    public static BigDecimal amount(String value, boolean zeroAllowed, String... field) {
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() >= (zeroAllowed ? 0 : 1) && amount.scale() <= 2 && amount.precision() - amount.scale() <= 12) {
                return amount.setScale(2);
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw ApiException.badInput("must be a " + (zeroAllowed ? "non-negative" : "positive")
                + " decimal amount with at most two fraction digits, e.g. \"12.50\"", field);
    }

    public static String currency(String value, String... field) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw ApiException.badInput("must be an ISO 4217 currency code such as EUR", field);
        }
        return value;
    }

    public static <T> T required(T value, String... field) {
        if (value == null) {
            throw ApiException.badInput("is required", field);
        }
        return value;
    }

    public static long id(String type, String globalId, String... field) {
        try {
            return GlobalId.decode(type, required(globalId, field));
        } catch (ApiException e) {
            throw ApiException.of(e.code(), List.of(field), e.getMessage());
        }
    }
}
