package dev.ballast.scheduler.api;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads typed values out of a JSON tree; every error names the field by its path, e.g. {@code rules[2].vms}. */
final class JsonFields {
    private JsonFields() {
    }

    static void onlyKnown(JsonNode object, String path, Set<String> known) {
        for (var entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                String field = join(path, entry.getKey());
                throw new BadRequestException(field, "unknown field '" + field + "', expected one of " + new TreeSet<>(known));
            }
        }
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new BadRequestException(path, path + " must be a JSON object, was " + show(node));
        }
        return node;
    }

    static String string(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        String field = join(path, key);
        if (node == null || node.isNull()) {
            throw new BadRequestException(field, field + " is required");
        }
        if (!node.isString() || node.getStringValue().isBlank()) {
            throw new BadRequestException(field, field + " must be a non-empty string, was " + show(node));
        }
        return node.getStringValue();
    }

    static <E extends Enum<E>> E enumValue(JsonNode parent, String path, String key, Class<E> type, E fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new BadRequestException(join(path, key), join(path, key) + " is required, one of " + Arrays.toString(type.getEnumConstants()));
            }
            return fallback;
        }
        String value = string(parent, path, key);
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(join(path, key), join(path, key) + " '" + value + "' is unknown, expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    static List<String> strings(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        String field = join(path, key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestException(field, field + " must be an array of strings, was " + show(node));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || item.getStringValue().isBlank()) {
                throw new BadRequestException(field + "[" + i + "]", field + "[" + i + "] must be a non-empty string, was " + show(item));
            }
            values.add(item.getStringValue());
        }
        return values;
    }

    /** A whole number in [min, max], or the fallback when absent. */
    static long whole(JsonNode parent, String path, String key, long min, long max, long fallback) {
        JsonNode node = parent.get(key);
        String field = join(path, key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.getNumberValue().doubleValue() != Math.rint(node.getNumberValue().doubleValue())) {
            throw new BadRequestException(field, field + " must be a whole number, was " + show(node));
        }
        double value = node.getNumberValue().doubleValue();
        if (value < min || value > max) {
            throw new BadRequestException(field, field + " must be between " + min + " and " + max + ", was " + show(node));
        }
        return (long) value;
    }

    static boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new BadRequestException(join(path, key), join(path, key) + " must be true or false, was " + show(node));
        }
        return node.getBooleanValue();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A JSON value as the client wrote it, for error messages. */
    static String show(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            return "\"" + node.getStringValue() + "\"";
        }
        if (node.isNumber()) {
            return String.valueOf(node.getNumberValue());
        }
        if (node.isBoolean()) {
            return String.valueOf(node.getBooleanValue());
        }
        return node.isArray() ? "an array" : "an object";
    }
}
