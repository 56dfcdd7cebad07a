package io.tenantgate.screening.engine.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English given names and their nicknames and short forms (WILLIAM and BILL, ELIZABETH and BETTY), from the
 * carltonnorthern/nicknames table (Apache-2.0; {@code names/SOURCES.md}). Two words are nickname-related when one
 * is a name and the other one of its nicknames; two nicknames of one name are not (ERIN and RON both short
 * AARON), since that says little.
 */
public final class GivenNames {

    static final String RESOURCE = "/names/nicknames.csv";
    private static final Map<String, Set<String>> RELATED = load();

    private GivenNames() {
    }

    /** Whether one of the two upper-case words is a nickname of the other. */
    public static boolean areNicknameRelated(String a, String b) {
        return RELATED.getOrDefault(a, Set.of()).contains(b);
    }

    /** Every word nickname-related to the upper-case word: its nicknames, and the names it is a nickname of. */
    public static Set<String> nicknameRelated(String word) {
        return RELATED.getOrDefault(word, Set.of());
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> related = new HashMap<>();
        try (InputStream stream = GivenNames.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            reader.readLine(); // name1,relationship,name2
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",");
                if (fields.length != 3 || !fields[1].equals("has_nickname")) {
                    continue;
                }
                String name = fields[0].strip().toUpperCase(Locale.ROOT);
                String nickname = fields[2].strip().toUpperCase(Locale.ROOT);
                if (name.length() > 1 && nickname.length() > 1 && !name.equals(nickname)) {
                    related.computeIfAbsent(name, key -> new HashSet<>()).add(nickname);
                    related.computeIfAbsent(nickname, key -> new HashSet<>()).add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        related.replaceAll((word, words) -> Set.copyOf(words));
        return Map.copyOf(related);
    }
}
