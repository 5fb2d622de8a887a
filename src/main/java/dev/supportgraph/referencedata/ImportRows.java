package dev.supportgraph.referencedata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportgraph.bulk.JsonLines;
import dev.supportgraph.error.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the lines of an import file into mutation inputs: NDJSON (one object per line, with a
 * {@code type} field in a mixed file) or CSV (a header line naming the input fields, then one row
 * per line; RFC 4180 quoting, no line breaks inside a field; an empty field is an omitted one).
 */
final class ImportRows {

    /**
     * What a line holds: an upsert, a service-resource link or unlink, or a deactivation. A batch
     * writes its rows by type in this order (what a row names is written before it).
     */
    enum RowType {
        CUSTOMER(ReferenceInputs.CustomerUpsert.class), RESOURCE(ReferenceInputs.ResourceUpsert.class),
        CONTACT(ReferenceInputs.ContactUpsert.class), SERVICE(ReferenceInputs.ServiceUpsert.class),
        LINK(ReferenceInputs.Link.class), UNLINK(ReferenceInputs.Link.class),
        CONTACT_DEACTIVATION(ReferenceInputs.Deactivate.class), CUSTOMER_DEACTIVATION(ReferenceInputs.Deactivate.class);

        final Class<?> input;

        RowType(Class<?> input) {
            this.input = input;
        }

        /** The type a path segment or a {@code type} field names: customer(s), contact(s), ..., customer_deactivation(s). */
        static RowType named(String name) {
            String singular = name.toUpperCase(Locale.ROOT);
            singular = singular.endsWith("S") ? singular.substring(0, singular.length() - 1) : singular;
            for (RowType type : values()) {
                if (type.name().equals(singular)) {
                    return type;
                }
            }
            return null;
        }
    }

    /** One data line: its number, what it holds and its input (or why it has none). */
    record Row(long line, RowType type, Object input, ApiException error) {
    }

    private static final String TYPE_FIELD = "type";

    private ImportRows() {
    }

    /** An NDJSON line; {@code fixed} is the endpoint's type, or null when each line names its own. */
    static Row json(long line, String text, RowType fixed) {
        RowType type = fixed;
        try {
            ObjectNode object = JsonLines.object(text);
            String named = JsonLines.take(object, TYPE_FIELD);
            if (fixed == null) {
                type = named == null ? null : RowType.named(named);
                if (type == null) {
                    return failed(line, null, ApiException.badInput("must be customer, contact, service, resource, link, unlink, contact_deactivation or customer_deactivation", TYPE_FIELD));
                }
            }
            return input(line, type, object);
        } catch (ApiException e) {
            return failed(line, type, e);
        }
    }

    /** The input fields a CSV header names. */
    static List<String> csvHeader(String text) {
        return csv(text).stream().map(String::strip).toList();
    }

    static Row csv(long line, String text, List<String> header, RowType type) {
        List<String> values = csv(text);
        if (values.size() != header.size()) {
            return failed(line, type, ApiException.badInput("has " + values.size() + " fields, the header " + header.size()));
        }
        ObjectNode object = JsonLines.emptyObject();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                object.put(header.get(i), values.get(i));
            }
        }
        return input(line, type, object);
    }

    private static Row input(long line, RowType type, ObjectNode object) {
        try {
            return new Row(line, type, JsonLines.read(object, type.input, type.name().toLowerCase(Locale.ROOT)), null);
        } catch (ApiException e) {
            return failed(line, type, e);
        }
    }

    private static Row failed(long line, RowType type, ApiException error) {
        return new Row(line, type, null, error);
    }

    /** The fields of one CSV line (RFC 4180 quotes; a doubled quote inside quotes is a quote). */
    private static List<String> csv(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
