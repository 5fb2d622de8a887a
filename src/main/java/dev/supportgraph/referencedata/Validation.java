package dev.supportgraph.referencedata;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.graph.Inputs;

import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of reference-data fields beyond {@link Inputs}; every failure names its input field. */
final class Validation {

    static final int NAME_LENGTH = 200;
    static final int SHORT_TEXT_LENGTH = 100;
    static final int ACCOUNT_NUMBER_LENGTH = 64;
    static final int EMAIL_LENGTH = 254;
    static final int MAX_CREDIT_RATING = 1000;
    /** A deliberately loose shape (local@domain.tld): delivery, not this check, proves an address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Digits with an optional leading +, grouped by spaces, dashes, dots or parentheses; 5 to 20 digits. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{5,32}");
    private static final Pattern DIGITS = Pattern.compile("[^0-9]");
    private static final int MIN_PHONE_DIGITS = 5;
    private static final int MAX_PHONE_DIGITS = 20;

    private Validation() {
    }

    static String externalId(String value, String field) {
        return Inputs.externalId(value, "input", field);
    }

    /** Optional text: null stays null, otherwise as {@link Inputs#text}. */
    static String optionalText(String value, int maxLength, String field) {
        return value == null ? null : Inputs.text(value, maxLength, "input", field);
    }

    static int creditRating(Integer value) {
        if (value == null || value < 0 || value > MAX_CREDIT_RATING) {
            throw ApiException.badInput("must be between 0 and " + MAX_CREDIT_RATING, "input", "creditRating");
        }
        return value;
    }

    /** A well-formed BCP 47 language tag, in its canonical form (de-ch becomes de-CH); null stays null. */
    static String languageTag(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale.toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        throw ApiException.badInput("must be a BCP 47 language tag such as en or de-CH", "input", field);
    }

    static String email(String value) {
        String email = optionalText(value, EMAIL_LENGTH, "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.badInput("must be an e-mail address such as ann@example.com", "input", "email");
        }
        return email;
    }

    static String phone(String value) {
        String phone = optionalText(value, SHORT_TEXT_LENGTH, "phone");
        if (phone != null) {
            int digits = DIGITS.matcher(phone).replaceAll("").length();
            if (!PHONE.matcher(phone).matches() || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
                throw ApiException.badInput("must be a phone number such as +41 44 123 45 67", "input", "phone");
            }
        }
        return phone;
    }

    /** An ISO 4217 code that exists (not only three capitals); null stays null. */
    static String currency(String value) {
        if (value == null) {
            return null;
        }
        Inputs.currency(value, "input", "currency");
        try {
            Currency.getInstance(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("is not an ISO 4217 currency code", "input", "currency");
        }
    }
}
