package io.tenantgate.screening.lists;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.tenantgate.screening.engine.model.Entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Stores the engine's entries as JSON. The form is canonical (sets written sorted), so an unchanged entry
 * hashes the same in every version and every JVM, and deltas show only real changes.
 */
final class EntryCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(new SortedSetSerializer()))
            .build();

    private EntryCodec() {
    }

    static String toJson(Entry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entry " + entry.key() + " cannot be written as JSON", e);
        }
    }

    static Entry fromJson(String json) {
        try {
            return JSON.readValue(json, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored entry cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static String hash(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        SortedSetSerializer() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray();
            for (String element : ((Set<?>) set).stream().map(String::valueOf).sorted().toList()) {
                out.writeString(element);
            }
            out.writeEndArray();
        }
    }
}
