package io.tenantgate.benchmarks;

import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.PartialDate;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A fixed, seeded pool of realistic parties to screen, every one with a name and a country. Half are list
 * names as a sign-up form would carry them (unchanged, with a typo, with the tokens reordered, or with a
 * middle name dropped); half are synthetic people on no list, in every script, from the yente negatives
 * that the engine's evaluation uses (opensanctions/yente, MIT; read from the repository at run time, see
 * screening-engine/src/test/resources/eval/SOURCES.md).
 */
public final class QueryPool {

    /** Relative to the repository root, where the documented commands run. */
    public static final String NEGATIVES = "screening-engine/src/test/resources/eval/negatives_us.csv.gz";
    public static final int DEFAULT_SIZE = 4000;
    public static final long SEED = 13984L;

    /** Countries of residence for list names whose entry names none. */
    private static final List<String> COMMON_COUNTRIES =
            List.of("US", "GB", "DE", "FR", "IN", "BR", "JP", "CA", "NL", "SG", "AE", "TR", "CN", "RU", "MX", "NG");

    private final Random random;

    private QueryPool(long seed) {
        this.random = new Random(seed);
    }

    /** {@code size} queries, half from the list entries, half from the negatives file, shuffled; always the same. */
    public static List<PartyQuery> build(List<Entry> entries, Path negatives, int size) {
        return labelled(entries, negatives, size).stream().map(Labelled::query).toList();
    }

    /** A query of the pool and the key of the entry it was made from; null for a person on no list. */
    public record Labelled(PartyQuery query, String listedAs) {

        boolean onNoList() {
            return listedAs == null;
        }
    }

    /** The same queries in the same order as {@link #build}, each with where it came from. */
    public static List<Labelled> labelled(List<Entry> entries, Path negatives, int size) {
        QueryPool pool = new QueryPool(SEED);
        List<Labelled> queries = new ArrayList<>(size);
        queries.addAll(pool.fromList(entries, size / 2));
        pool.fromNegatives(negatives, size - size / 2).forEach(query -> queries.add(new Labelled(query, null)));
        Collections.shuffle(queries, pool.random);
        return List.copyOf(queries);
    }

    private List<Labelled> fromList(List<Entry> entries, int count) {
        List<Entry> screenable = entries.stream().filter(entry -> !entry.addressOnly())
                .filter(entry -> switch (entry.type()) {
                    case INDIVIDUAL, ENTITY, UNKNOWN -> true;
                    default -> false;
                }).toList();
        List<Labelled> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Entry entry = screenable.get(random.nextInt(screenable.size()));
            List<String> names = entry.allNames();
            String name = vary(names.get(random.nextInt(names.size())));
            List<String> countries = List.copyOf(entry.countries());
            String country = !countries.isEmpty() && random.nextBoolean()
                    ? countries.get(random.nextInt(countries.size())) : anyCommonCountry();
            queries.add(new Labelled(new PartyQuery(name, entry.type(), country, null, List.of(), null), entry.key()));
        }
        return queries;
    }

    private List<PartyQuery> fromNegatives(Path file, int count) {
        List<CSVRecord> people = readCsv(file);
        Collections.shuffle(people, random);
        return people.stream().limit(count).map(person -> new PartyQuery(person.get("full_name"), EntryType.INDIVIDUAL,
                Countries.toIso(person.get("nationality")).orElseGet(this::anyCommonCountry),
                PartialDate.parse(person.get("date_of_birth")).orElse(null), List.of(), null)).toList();
    }

    /** The name as listed, or with one of the variations a real applicant's form shows. */
    private String vary(String listed) {
        String[] tokens = listed.replace(",", " ").trim().split("\\s+");
        return switch (random.nextInt(4)) {
            case 1 -> withTypo(tokens);
            case 2 -> tokens.length > 1 ? reordered(tokens) : withTypo(tokens);
            case 3 -> tokens.length > 2 ? withoutMiddleToken(tokens) : withTypo(tokens);
            default -> listed;
        };
    }

    private String withTypo(String[] tokens) {
        int longest = 0;
        for (int i = 1; i < tokens.length; i++) {
            longest = tokens[i].length() > tokens[longest].length() ? i : longest;
        }
        String token = tokens[longest];
        if (token.length() < 4) {
            return String.join(" ", tokens);
        }
        StringBuilder typo = new StringBuilder(token);
        int at = 1 + random.nextInt(token.length() - 2);
        switch (random.nextInt(3)) {
            case 0 -> {
                typo.setCharAt(at, token.charAt(at + 1));
                typo.setCharAt(at + 1, token.charAt(at));
            }
            case 1 -> typo.deleteCharAt(at);
            default -> typo.insert(at, token.charAt(at));
        }
        String[] changed = tokens.clone();
        changed[longest] = typo.toString();
        return String.join(" ", changed);
    }

    private String reordered(String[] tokens) {
        String[] rotated = new String[tokens.length];
        int shift = 1 + random.nextInt(tokens.length - 1);
        for (int i = 0; i < tokens.length; i++) {
            rotated[i] = tokens[(i + shift) % tokens.length];
        }
        return String.join(" ", rotated);
    }

    private String withoutMiddleToken(String[] tokens) {
        List<String> kept = new ArrayList<>(Arrays.asList(tokens));
        kept.remove(1 + random.nextInt(tokens.length - 2));
        return String.join(" ", kept);
    }

    private String anyCommonCountry() {
        return COMMON_COUNTRIES.get(random.nextInt(COMMON_COUNTRIES.size()));
    }

    private static List<CSVRecord> readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("negatives file not found: " + file.toAbsolutePath()
                    + " (run from the repository root or give its path)");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
