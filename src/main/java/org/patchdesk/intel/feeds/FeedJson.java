package org.patchdesk.intel.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads JSON feed files into Jackson trees and fields out of them, with messages that name the file and the pointer. */
final class FeedJson {

    /** Characters of a file's start quoted in messages, enough to recognize "<!DOCTYPE html" or "<?xml version". */
    private static final int SNIPPET_LENGTH = 14;

    private FeedJson() {
    }

    /** Creates a mapper that rejects text after the JSON value, such as a second document appended to the file. */
    static ObjectMapper newMapper() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    static JsonNode readTree(ObjectMapper mapper, Path file) throws FeedFormatException, IOException {
        return readTree(mapper, file.getFileName().toString(), Files.readAllBytes(file));
    }

    /** Parses the content, or throws naming the file when it is empty, does not start like JSON or is malformed. */
    static JsonNode readTree(ObjectMapper mapper, String fileName, byte[] content) throws FeedFormatException {
        String start = startOf(content);
        if (start.isEmpty()) {
            throw new FeedFormatException(fileName + " is empty");
        }
        if (!startsLikeJson(start)) {
            throw new FeedFormatException(fileName + " is not JSON (it starts with '" + start + "')");
        }
        try {
            return mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw new FeedFormatException(fileName + " is not valid JSON: " + describe(e), e);
        } catch (IOException e) {
            throw new FeedFormatException(fileName + " could not be read as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Names the feed a JSON document belongs to, with the import to use, such as ": it is a CSAF
     * advisory; import it as a CSAF advisory". Returns an empty text for a document of no known feed.
     */
    static String otherFeed(JsonNode root) {
        if (root.path("document").has("csaf_version")) {
            return ": it is a CSAF advisory; import it as a CSAF advisory";
        }
        if (root.has("cveMetadata")) {
            return ": it is a CVE record; import it as a CVE record";
        }
        if (root.has("catalogVersion") && root.has("vulnerabilities")) {
            return ": it is a KEV catalog; import it as a KEV catalog";
        }
        return "";
    }

    static boolean startsLikeJson(String start) {
        return start.startsWith("{") || start.startsWith("[");
    }

    /** Returns the first characters of the first non-blank line, without a byte order mark, for messages. */
    static String startOf(byte[] content) {
        int length = Math.min(content.length, 512);
        boolean utf16 = length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE));
        String text = new String(content, 0, length, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        text = text.replace("\uFEFF", "").stripLeading();
        int lineEnd = 0;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        String line = text.substring(0, lineEnd).stripTrailing();
        return line.length() <= SNIPPET_LENGTH ? line : line.substring(0, SNIPPET_LENGTH);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String reason = e.getOriginalMessage();
        if (reason.startsWith("Unexpected end-of-input")) {
            return "it ends early" + where + ", so the file is probably truncated";
        }
        int cut = reason.indexOf(" (start marker");
        if (cut < 0) {
            cut = reason.indexOf('\n');
        }
        return (cut < 0 ? reason : reason.substring(0, cut)) + where;
    }

    /** Returns the text of a field, or null when it is missing or JSON null. Numbers and booleans become text. */
    static String optionalText(JsonNode parent, String field, String fileName, String parentPointer)
            throws FeedFormatException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw FeedFormatException.atPointer(fileName, parentPointer + "/" + field,
                    "expected text, found " + kind(value));
        }
        return value.asText();
    }

    static String requiredText(JsonNode parent, String field, String fileName, String parentPointer)
            throws FeedFormatException {
        String text = optionalText(parent, field, fileName, parentPointer);
        if (text == null) {
            throw FeedFormatException.atPointer(fileName, parentPointer, "\"" + field + "\" is missing");
        }
        return text;
    }

    /** Returns the field as an array node, an empty array when it is missing, or throws when it is not an array. */
    static JsonNode optionalArray(JsonNode parent, String field, String fileName, String parentPointer)
            throws FeedFormatException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw FeedFormatException.atPointer(fileName, parentPointer + "/" + field,
                    "expected a list, found " + kind(value));
        }
        return value;
    }

    /** Returns the field as an object node, or null when it is missing, and throws when it is not an object. */
    static JsonNode optionalObject(JsonNode parent, String field, String fileName, String parentPointer)
            throws FeedFormatException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw FeedFormatException.atPointer(fileName, parentPointer + "/" + field,
                    "expected an object, found " + kind(value));
        }
        return value;
    }

    /** Returns a number field as a double, or null when it is missing. Integers such as 8 are accepted. */
    static Double optionalNumber(JsonNode parent, String field, String fileName, String parentPointer)
            throws FeedFormatException {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw FeedFormatException.atPointer(fileName, parentPointer + "/" + field,
                    "expected a number, found " + kind(value) + " " + value);
        }
        return value.doubleValue();
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true/false";
        }
        return "null";
    }
}
