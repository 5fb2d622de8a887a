package dev.supportgraph.operations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4: it refuses what Prometheus'
 * own parser refuses (bad escapes, malformed values, TYPE after samples, a family split in two,
 * the same series twice) and in addition requires a HELP and a TYPE for every family.
 */
final class PrometheusText {

    /** One metric family: its HELP text (unescaped), TYPE and sample count. */
    record Family(String name, String help, String type, int samples) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME.pattern() + ") (.*)");
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE (" + NAME.pattern() + ") (counter|gauge|histogram|summary|untyped)");
    private static final Set<String> TYPES_WITH_SUFFIXES = Set.of("counter", "histogram", "summary");

    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, Integer> samples = new LinkedHashMap<>();
    private final Set<String> series = new HashSet<>();
    private final Set<String> closed = new HashSet<>();
    private String current;

    private PrometheusText() {
    }

    /** Parses the whole exposition; throws {@link IllegalArgumentException} naming the line at fault. */
    static Map<String, Family> parse(String text) {
        PrometheusText parser = new PrometheusText();
        String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                parser.line(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        Map<String, Family> families = new LinkedHashMap<>();
        for (String name : parser.types.keySet()) {
            families.put(name, new Family(name, parser.help.get(name), parser.types.get(name),
                    parser.samples.getOrDefault(name, 0)));
        }
        for (String name : parser.help.keySet()) {
            if (!families.containsKey(name)) {
                throw new IllegalArgumentException("HELP without TYPE: " + name);
            }
        }
        return families;
    }

    private void line(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            comment(line);
            return;
        }
        sample(line);
    }

    private void comment(String line) {
        Matcher helpLine = HELP.matcher(line);
        Matcher typeLine = TYPE.matcher(line);
        if (helpLine.matches()) {
            String name = enter(helpLine.group(1));
            if (help.put(name, unescape(helpLine.group(2), false)) != null) {
                throw new IllegalArgumentException("second HELP for " + name);
            }
        } else if (typeLine.matches()) {
            String name = enter(typeLine.group(1));
            if (samples.containsKey(name)) {
                throw new IllegalArgumentException("TYPE after the samples of " + name);
            }
            if (types.put(name, typeLine.group(2)) != null) {
                throw new IllegalArgumentException("second TYPE for " + name);
            }
        } else if (line.startsWith("# HELP") || line.startsWith("# TYPE")) {
            throw new IllegalArgumentException("malformed HELP or TYPE line");
        }
    }

    /** Moves to family {@code name}; a family must be contiguous. */
    private String enter(String name) {
        if (!name.equals(current)) {
            if (closed.contains(name)) {
                throw new IllegalArgumentException("family " + name + " is split");
            }
            if (current != null) {
                closed.add(current);
            }
            current = name;
        }
        return name;
    }

    private void sample(String line) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            throw new IllegalArgumentException("no metric name");
        }
        String metric = name.group();
        int at = name.end();
        StringBuilder key = new StringBuilder(metric);
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, key);
        }
        if (at >= line.length() || line.charAt(at) != ' ') {
            throw new IllegalArgumentException("no space before the value");
        }
        String[] rest = line.substring(at + 1).split(" ", -1);
        if (rest.length > 2) {
            throw new IllegalArgumentException("too many fields after the labels");
        }
        value(rest[0]);
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        String family = familyOf(metric);
        enter(family);
        samples.merge(family, 1, Integer::sum);
        if (!series.add(key.toString())) {
            throw new IllegalArgumentException("series exported twice");
        }
    }

    /** Reads {@code name="value",...}, returns the index after '}', appends the sorted labels to {@code key}. */
    private static int labels(String line, int at, StringBuilder key) {
        List<String> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            if (line.startsWith("}", at)) {
                pairs.sort(null);
                key.append(pairs);
                return at + 1;
            }
            Matcher label = LABEL_NAME.matcher(line).region(at, line.length());
            if (!label.lookingAt() || !line.startsWith("=\"", label.end())) {
                throw new IllegalArgumentException("malformed label at column " + at);
            }
            if (!seen.add(label.group())) {
                throw new IllegalArgumentException("label " + label.group() + " twice");
            }
            int end = label.end() + 2;
            StringBuilder raw = new StringBuilder();
            while (end < line.length() && line.charAt(end) != '"') {
                if (line.charAt(end) == '\\') {
                    raw.append(line.charAt(end++));
                }
                if (end >= line.length()) {
                    break;
                }
                raw.append(line.charAt(end++));
            }
            if (end >= line.length()) {
                throw new IllegalArgumentException("unterminated label value");
            }
            pairs.add(label.group() + "=" + unescape(raw.toString(), true));
            at = end + 1;
            if (line.startsWith(",", at)) {
                at++;
            } else if (!line.startsWith("}", at)) {
                throw new IllegalArgumentException("expected ',' or '}' at column " + at);
            }
        }
    }

    /** The exposition format knows \\, \n and (in label values only) \" as escapes. */
    private static String unescape(String text, boolean labelValue) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(++i) : '\0';
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case '"' -> {
                    if (!labelValue) {
                        throw new IllegalArgumentException("\\\" is not an escape in HELP");
                    }
                    out.append('"');
                }
                default -> throw new IllegalArgumentException("invalid escape \\" + next);
            }
        }
        return out.toString();
    }

    private static void value(String text) {
        if (!text.equals("NaN") && !text.equals("+Inf") && !text.equals("-Inf")) {
            Double.parseDouble(text);
        }
    }

    /** The family a sample belongs to: its own name, or the name without a suffix its TYPE allows. */
    private String familyOf(String metric) {
        if (types.containsKey(metric)) {
            return metric;
        }
        for (String suffix : List.of("_total", "_created", "_bucket", "_count", "_sum")) {
            if (metric.endsWith(suffix)) {
                String base = metric.substring(0, metric.length() - suffix.length());
                if (types.containsKey(base) && TYPES_WITH_SUFFIXES.contains(types.get(base))) {
                    return base;
                }
            }
        }
        throw new IllegalArgumentException("sample without a TYPE line: " + metric);
    }
}
