package io.tenantgate.screening.engine.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.screening.engine.model.Address;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.Identifier;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the trade.gov CSL API JSON form: {@code {"results":[{...}]}} with the CSV's fields, arrays for the
 * multi-valued ones, addresses as objects (address, city, state, postal_code, country) and ids as
 * objects (type, number, country).
 */
public final class CslJsonParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CslJsonParser() {
    }

    public static List<Entry> parse(String file, Reader reader) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser json = MAPPER.createParser(reader)) {
            expect(file, json, json.nextToken() == JsonToken.START_OBJECT, "expected a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                boolean results = "results".equals(json.currentName());
                JsonToken value = json.nextToken();
                if (!results) {
                    json.skipChildren();
                    continue;
                }
                expect(file, json, value == JsonToken.START_ARRAY, "\"results\" must be an array");
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    long line = json.currentLocation().getLineNr();
                    JsonNode result = MAPPER.readTree(json);
                    try {
                        entries.add(CslEntries.toEntry(toRow(result)));
                    } catch (IllegalArgumentException e) {
                        throw new ListParseException(file, line, e.getMessage());
                    }
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ListParseException(file, line, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ListParseException(file, 0, "cannot read: " + e.getMessage());
        }
        return entries;
    }

    private static void expect(String file, JsonParser json, boolean condition, String reason) {
        if (!condition) {
            throw new ListParseException(file, json.currentLocation().getLineNr(), reason);
        }
    }

    private static CslRow toRow(JsonNode result) {
        String id = text(result, "_id") != null ? text(result, "_id") : text(result, "id");
        return new CslRow(id, required(result, "source"), text(result, "entity_number"), text(result, "type"),
                strings(result, "programs"), text(result, "name"),
                elements(result, "addresses").map(CslJsonParser::address).toList(),
                text(result, "federal_register_notice"), text(result, "start_date"),
                text(result, "license_requirement"), text(result, "license_policy"), text(result, "remarks"),
                strings(result, "alt_names"), strings(result, "citizenships"), strings(result, "dates_of_birth"),
                strings(result, "nationalities"), strings(result, "places_of_birth"),
                elements(result, "ids").map(CslJsonParser::identifier).toList());
    }

    private static Address address(JsonNode node) {
        if (node.isTextual()) {
            return CslEntries.address(node.asText());
        }
        String text = Stream.of("address", "city", "state", "postal_code", "country")
                .map(field -> text(node, field)).filter(Objects::nonNull).reduce((a, b) -> a + ", " + b).orElse("");
        return new Address(text, Countries.toIso(text(node, "country")).orElse(null));
    }

    private static Identifier identifier(JsonNode node) {
        return new Identifier(text(node, "type"), text(node, "number"), Countries.toIso(text(node, "country")).orElse(null));
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static Stream<JsonNode> elements(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Stream.empty();
        }
        return value.isArray() ? StreamSupport.stream(value.spliterator(), false) : Stream.of(value);
    }

    /** Arrays of strings; a plain string is split on "; " as in the CSV. */
    private static List<String> strings(JsonNode node, String field) {
        return elements(node, field)
                .flatMap(element -> Stream.of(element.asText().split(";\\s+")))
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
