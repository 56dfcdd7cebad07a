package io.tenantgate.screening.screening;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LastMappedTest {

    @Test
    void mapsOncePerKeyAndAgainWhenTheKeyChanges() {
        List<String> mapped = new ArrayList<>();
        LastMapped<List<String>, String> joined = new LastMapped<>(key -> {
            mapped.add(String.join(",", key));
            return String.join(",", key);
        });
        List<String> first = List.of("CSL:3", "SDN:7");
        String answer = joined.get(first);
        assertSame(answer, joined.get(first), "the same key gets the same value, not a new one");
        List<String> equalButNew = new ArrayList<>(first);
        assertEquals("CSL:3,SDN:7", joined.get(equalButNew));
        assertEquals(List.of("CSL:3,SDN:7", "CSL:3,SDN:7"), mapped, "keys compare by identity: a new snapshot maps anew");
    }
}
