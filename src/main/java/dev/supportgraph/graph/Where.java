package dev.supportgraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HQL conditions on alias {@code e} built from optional filter values: a null or empty value
 * adds nothing, so a filter input maps field by field without if-chains in every service.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** {@code path = value}. */
    public Where eq(String path, Object value) {
        return value == null ? this : add(path + " = :%s", value);
    }

    /** {@code path is null} (or with {@code isNull} false {@code is not null}), when given. */
    public Where isNull(String path, Boolean isNull) {
        if (isNull != null) {
            conditions.add(path + (isNull ? " is null" : " is not null"));
        }
        return this;
    }

    /** {@code path in (values)}. */
    public Where in(String path, Collection<?> values) {
        return values == null || values.isEmpty() ? this : add(path + " in (:%s)", values);
    }

    /** {@code path} is one of {@code keys} (none: nothing matches), one statement text for any number of keys. */
    public Where keyIn(String path, Collection<Long> keys) {
        conditions.add(KeyList.condition(path, param(KeyList.of(keys))));
        return this;
    }

    /** {@code path >= from} and {@code path < to}, each when given (times or dates). */
    public <T extends Comparable<? super T>> Where between(String path, T from, T to) {
        if (from != null) {
            add(path + " >= :%s", from);
        }
        return to == null ? this : add(path + " < :%s", to);
    }

    /** Case-insensitive substring match on any of the paths. */
    public Where search(String text, String... paths) {
        String pattern = likePattern(text);
        if (pattern == null) {
            return this;
        }
        List<String> any = new ArrayList<>();
        String name = param(pattern);
        for (String path : paths) {
            any.add("lower(" + path + ") like :" + name + " escape '\\'");
        }
        conditions.add("(" + String.join(" or ", any) + ")");
        return this;
    }

    /** The {@code like} pattern of a search text (backslash escapes); null when there is nothing to search. */
    public static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Any other condition; {@code %s} in it stands for the parameter's name. */
    public Where add(String template, Object value) {
        conditions.add(template.formatted(param(value)));
        return this;
    }

    /**
     * Any of {@code alternatives} (or-ed); each {@code :name} in them is bound to {@code values.get(name)}.
     * Nothing when there are no alternatives.
     */
    public Where any(List<String> alternatives, Map<String, ?> values) {
        if (alternatives.isEmpty()) {
            return this;
        }
        String condition = "(" + String.join(" or ", alternatives) + ")";
        for (Map.Entry<String, ?> value : values.entrySet()) {
            Matcher uses = Pattern.compile(":" + value.getKey() + "\\b").matcher(condition);
            if (uses.find()) { // a parameter the statement does not use cannot be bound
                condition = uses.replaceAll(":" + param(value.getValue()));
            }
        }
        conditions.add(condition);
        return this;
    }

    /** Each condition on its own (the query planner reads what a filter input means from them). */
    public List<String> conditions() {
        return List.copyOf(conditions);
    }

    public String hql() {
        return String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    private String param(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return name;
    }
}
