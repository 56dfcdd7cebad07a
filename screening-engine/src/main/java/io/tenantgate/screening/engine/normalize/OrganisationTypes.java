package io.tenantgate.screening.engine.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Legal forms of organisations in many languages and scripts ("društvo s ograničenom odgovornošću" is d.o.o.,
 * "Aktiebolag" is AB), from opensanctions/rigour's {@code org_types.yml} (MIT; {@code names/SOURCES.md}). Each
 * form's aliases, normalised as names are, stand for one canonical word: the form's {@code compare} value, else
 * its {@code display} value, else its {@code generic} type if the hand-made table of {@link Vocabulary} knows it,
 * with punctuation removed (DOO, AB). That table's forms win. Short words are too often a word of a name or a
 * romanised syllable (AS, AD, NO, DA): a one-word alias counts only from five letters on, and a canonical word
 * of one or two letters only if the hand-made table has it.
 */
final class OrganisationTypes {

    static final String RESOURCE = "/names/org_types.yml";
    private static final int MIN_ONE_WORD_ALIAS = 5;
    private static final int MIN_CANONICAL = 3;
    private static final Pattern ENTRY = Pattern.compile("^  - (display|compare|generic): *(.*)$");
    private static final Pattern FIELD = Pattern.compile("^    (display|compare|generic): *(.*)$");
    private static final Pattern ALIAS = Pattern.compile("^      - (.*)$");

    /** By first word, longest phrase first: the words of an alias and its canonical form. */
    static final Map<String, List<Map.Entry<List<String>, String>>> PHRASES;
    /** Every canonical form, so that it is known as a legal form wherever it stands. */
    static final Set<String> CANONICAL_FORMS;

    static {
        Map<String, List<Map.Entry<List<String>, String>>> phrases = new HashMap<>();
        Set<String> canonical = new HashSet<>();
        for (Form form : read()) {
            String word = canonicalWord(form.canonical());
            if (word.length() < MIN_CANONICAL && !Vocabulary.isTypedLegalForm(word)) {
                continue;
            }
            canonical.add(word);
            for (String alias : form.aliases()) {
                List<String> words = NameNormalizer.legalFormWords(alias);
                if (words.isEmpty() || (words.size() == 1 && words.get(0).length() < MIN_ONE_WORD_ALIAS)
                        || words.stream().allMatch(Vocabulary::isTypedLegalForm)) {
                    continue; // too short, or the hand-made table reads it already ("Co., Ltd." is CO LTD)
                }
                List<Map.Entry<List<String>, String>> sameStart = phrases.computeIfAbsent(words.get(0), key -> new ArrayList<>());
                if (sameStart.stream().noneMatch(phrase -> phrase.getKey().equals(words))) {
                    sameStart.add(Map.entry(List.copyOf(words), word));
                }
            }
        }
        phrases.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size())));
        PHRASES = Map.copyOf(phrases);
        CANONICAL_FORMS = Set.copyOf(canonical);
    }

    private OrganisationTypes() {
    }

    private record Form(String canonical, List<String> aliases) {
    }

    /** "Sh.p.k." is SHPK; a form written in another script is transliterated first. */
    private static String canonicalWord(String value) {
        return String.join("", NameNormalizer.legalFormWords(value)).toUpperCase(Locale.ROOT);
    }

    private static List<Form> read() {
        List<Form> forms = new ArrayList<>();
        try (InputStream stream = OrganisationTypes.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            Map<String, String> fields = new HashMap<>();
            List<String> aliases = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher entry = ENTRY.matcher(line);
                Matcher field = FIELD.matcher(line);
                Matcher alias = ALIAS.matcher(line);
                if (entry.matches()) {
                    addForm(forms, fields, aliases);
                    fields = new HashMap<>(Map.of(entry.group(1), unquoted(entry.group(2))));
                    aliases = new ArrayList<>();
                } else if (field.matches()) {
                    fields.put(field.group(1), unquoted(field.group(2)));
                } else if (alias.matches()) {
                    aliases.add(unquoted(alias.group(1)));
                }
            }
            addForm(forms, fields, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return forms;
    }

    private static void addForm(List<Form> forms, Map<String, String> fields, List<String> aliases) {
        String generic = fields.get("generic");
        String known = generic != null && Vocabulary.isTypedLegalForm(canonicalWord(generic)) ? generic : null;
        String canonical = fields.getOrDefault("compare", fields.getOrDefault("display", known));
        if (canonical != null && !canonical.isBlank() && !aliases.isEmpty()) {
            forms.add(new Form(canonical, List.copyOf(aliases)));
        }
    }

    /** A YAML scalar as written here: optionally quoted, optionally followed by a comment. */
    private static String unquoted(String value) {
        String text = value.strip();
        if (text.startsWith("\"") || text.startsWith("'")) {
            int end = text.indexOf(text.charAt(0), 1);
            return end > 0 ? text.substring(1, end) : text.substring(1);
        }
        int comment = text.indexOf(" #");
        return (comment >= 0 ? text.substring(0, comment) : text).strip();
    }
}
