package io.tenantgate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.sealing.FieldCipher;
import io.tenantgate.suite.ListReplacement;
import io.tenantgate.suite.Service;
import io.tenantgate.suite.SuiteSettings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * Re-screening of stored parties against one list delta, end to end. Starts its own suite (ports 23xxx,
 * state in {@code benchmarks/target/rescreen-suite/}), writes N approved cases with one owner each straight
 * into identity-service's database (COPY; each profile sealed with AES-256-GCM under the home's identity key,
 * exactly as identity-service seals it), so 2N parties are stored; a few planted parties carry names of the
 * list about to be uploaded. Then it uploads an internal list as the operator (REST multipart, as an operator
 * would) and measures the time from the upload until every chunk of the resulting change is done in
 * identity-service's database, with the cases screened, matched and reopened for review.
 */
public final class RescreenLoad {

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar io.tenantgate.benchmarks.RescreenLoad [options]
              --cases N            cases to store, each with one owner: 2N parties (default 500000)
              --planted N          cases whose customer or owner bears a name of the uploaded list (default 10)
              --list-entries N     entries of the uploaded list (default 20; the first --planted are planted)
              --time-limit SECONDS how long to wait for the re-screening (default 900)
              --repo DIR           repository root with the packaged services (default .)
              --suite-dir DIR      its state and logs (default benchmarks/target/rescreen-suite)
              --keycloak-cache DIR the unpacked Keycloak distribution (default <suite-dir>/cache)
              --port-base N        ports N+432 PostgreSQL, N+180/N+190 Keycloak, N+81..N+84 services (default 23000)
              --keep-data true     keep the cases of an earlier run instead of starting from an empty database
            """;
    private static final String CONTEXT = "customer_case.profile";

    private final Options options;

    private RescreenLoad(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        RescreenLoad load;
        try {
            load = new RescreenLoad(Options.parse(args, USAGE));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(load.run());
    }

    private int run() throws Exception {
        Path suiteDir = Path.of(options.text("--suite-dir", "benchmarks/target/rescreen-suite")).toAbsolutePath();
        int base = options.positive("--port-base", 23000);
        Path home = suiteDir.resolve("home");
        if (!options.text("--keep-data", "false").equals("true") && Files.exists(home.resolve("postgres"))) {
            deleteTree(home.resolve("postgres"));
        }
        SuiteSettings settings = OwnSuite.settings(options, "benchmarks/target/rescreen-suite", 23000);
        return OwnSuite.run(settings, suite -> measure(settings, home));
    }

    private int measure(SuiteSettings settings, Path home) throws Exception {
        int cases = options.positive("--cases", 500_000);
        int planted = options.positive("--planted", 10);
        int listEntries = Math.max(planted, options.positive("--list-entries", 20));
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        List<String> listNames = new ArrayList<>();
        for (int i = 0; i < listEntries; i++) {
            listNames.add("Quorvantis " + syllables(new Random(i * 31L + 7), 2) + " Trading " + tag + i);
        }
        String jdbc = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/identity?user=postgres";
        try (Connection db = DriverManager.getConnection(jdbc)) {
            long started = System.nanoTime();
            long stored = storeCases(db, home, cases, listNames.subList(0, planted));
            System.out.printf("Stored %,d cases with %,d owners (%,d parties) in %.1f s%n", cases, cases, 2L * cases,
                    (System.nanoTime() - started) / 1e9);
            long activeCases = scalar(db, "select count(*) from customer_case where decision in ('APPROVED','REVIEW') and closed_at is null");
            long before = scalar(db, "select coalesce(max(change_id), 0) from list_change_seen");
            System.out.printf("Active cases: %,d (stored now: %,d); load average before the upload: %s%n", activeCases,
                    stored, OwnSuite.loadAverage());

            StringBuilder csv = new StringBuilder("key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n");
            for (int i = 0; i < listNames.size(); i++) {
                csv.append("rl-").append(tag).append('-').append(i).append(',').append(listNames.get(i))
                        .append(",,entity,CN,,,,re-screening benchmark\n");
            }
            Instant upload = Instant.now();
            long t0 = System.nanoTime();
            replaceInternalList(settings, csv.toString());
            long uploaded = System.nanoTime();
            System.out.printf("Uploaded %d list entries in %.2f s%n", listNames.size(), (uploaded - t0) / 1e9);

            Duration limit = Duration.ofSeconds(options.positive("--time-limit", 900));
            long change = 0;
            long seenAt = 0;
            while (System.nanoTime() - t0 < limit.toNanos()) {
                if (change == 0) {
                    change = scalar(db, "select coalesce(max(change_id), 0) from list_change_seen where change_id > " + before);
                    if (change != 0) {
                        seenAt = System.nanoTime();
                    }
                } else {
                    long pending = scalar(db, "select count(*) from rescreen_chunk where change_id = " + change
                            + " and done_at is null");
                    if (pending == 0) {
                        long done = System.nanoTime();
                        report(db, change, t0, seenAt, done, upload, activeCases, planted);
                        return 0;
                    }
                }
                Thread.sleep(100);
            }
            System.out.println("Re-screening did not finish within " + limit.toSeconds() + " s (change " + change + ")");
            if (change != 0) {
                report(db, change, t0, seenAt, System.nanoTime(), upload, activeCases, planted);
            }
            return 1;
        }
    }

    private static void report(Connection db, long change, long t0, long seenAt, long done, Instant upload,
                               long activeCases, int planted) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
                select count(*), coalesce(sum(screened), 0), coalesce(sum(matched), 0), coalesce(sum(reopened), 0),
                       extract(epoch from max(done_at)) - extract(epoch from min(s.seen_at))
                from rescreen_chunk c join list_change_seen s using (change_id) where change_id = """ + change)) {
            r.next();
            long screenedCases = r.getLong(2);
            System.out.printf("Change %d: %d chunks, %,d active cases screened (%,d parties), %d matched, %d reopened for review%n",
                    change, r.getLong(1), screenedCases, 2 * screenedCases, r.getLong(3), r.getLong(4));
            System.out.printf("Upload to change recorded in identity-service: %.2f s; recorded to last chunk done: %.2f s (database clock)%n",
                    (seenAt - t0) / 1e9, r.getDouble(5));
            System.out.printf("UPLOAD TO EVERY CHUNK DONE: %.2f s for %,d stored parties; %,d parties/s; load average now %s%n",
                    (done - t0) / 1e9, 2 * activeCases, (long) (2 * screenedCases / ((done - t0) / 1e9)), OwnSuite.loadAverage());
            System.out.printf("Expected reviews: %d planted cases, half through the customer and half through its owner (the upload started at %s)%n", planted, upload);
        }
    }

    /** Writes the cases with COPY; returns the number of cases stored. */
    private static long storeCases(Connection db, Path home, int cases, List<String> plantedNames) throws Exception {
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("local-keys.properties"), StandardCharsets.UTF_8)) {
            keys.load(in);
        }
        String keyList = keys.getProperty("TENANTGATE_IDENTITY_ENCRYPTION_KEYS");
        String active = keys.getProperty("TENANTGATE_IDENTITY_ENCRYPTION_ACTIVE_KEY_ID");
        FieldCipher cipher = FieldCipher.fromConfig(keyList, active);
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(13984);
        int plantEvery = plantedNames.isEmpty() ? Integer.MAX_VALUE : Math.max(1, cases / plantedNames.size());
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                copy customer_case (id, kind, legal_name, profile, decision, reasons, risk_score, screening,
                  idempotency_key, request_hash, created_by, created_at, updated_at, version, person_status,
                  cleared_entries) from stdin with (format text)""");
        String now = Instant.now().toString();
        String screening = "{\"hits\":[],\"ownershipFindings\":[],\"jurisdictionFindings\":[],\"listVersions\":[],\"threshold\":0.88}";
        StringBuilder rows = new StringBuilder(1 << 20);
        for (int i = 0; i < cases; i++) {
            String name = syllables(random, 2 + random.nextInt(2)) + " " + (random.nextBoolean() ? "Systems" : "Holdings")
                    + " " + syllables(random, 1);
            String owner = syllables(random, 1) + " " + syllables(random, 2);
            int plant = i % plantEvery == 0 ? i / plantEvery : -1;
            String ownerKind = "PERSON";
            if (plant >= 0 && plant < plantedNames.size()) {
                if (plant % 2 == 0) {
                    name = plantedNames.get(plant);
                } else {
                    owner = plantedNames.get(plant); // a listed company as the owner
                    ownerKind = "ORGANIZATION";
                }
            }
            var profile = json.createObjectNode();
            profile.put("kind", "ORGANIZATION").put("legalName", name);
            profile.putArray("otherNames");
            profile.putNull("date");
            profile.putArray("countries").add("SG");
            profile.putArray("addresses");
            profile.putArray("emails");
            profile.putArray("phones");
            profile.putArray("accountIds");
            profile.putNull("reseller");
            var ownerNode = profile.putArray("owners").addObject();
            ownerNode.put("kind", ownerKind).put("name", owner).putNull("date");
            ownerNode.putArray("countries").add("DE");
            ownerNode.putArray("addresses");
            ownerNode.put("percentage", 60.0).put("control", false);
            ownerNode.putArray("owners");
            UUID id = UUID.randomUUID();
            String sealedText = cipher.seal(json.writeValueAsString(profile), CONTEXT, id.toString());
            rows.append(id).append('\t').append("ORGANIZATION").append('\t').append(name).append('\t').append(sealedText)
                    .append("\tAPPROVED\t[\"benchmark seed\"]\t5\t").append(screening).append("\tbench-").append(id)
                    .append('\t').append("0".repeat(64)).append("\trescreen-benchmark\t").append(now).append('\t')
                    .append(now).append("\t0\tFOREIGN_PERSON\t[]\n");
            if (rows.length() > (1 << 20) - 4096) {
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                rows.setLength(0);
            }
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        long stored = copy.endCopy();
        try (Statement analyze = db.createStatement()) {
            analyze.execute("analyze customer_case");
        }
        return stored;
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ran", "tes", "vo", "shi", "del", "bar", "nu", "qua",
            "zen", "pri", "mor", "tal", "ex", "vin", "sor", "gal", "der", "ul", "pha", "ron", "kes"};

    private static String syllables(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                out.append(' ');
            }
            int n = 2 + random.nextInt(2);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < n; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return out.toString();
    }

    private static long scalar(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The operator uploads the list and the supervisor approves it (four eyes); then it is imported. */
    private static void replaceInternalList(SuiteSettings settings, String csv) throws Exception {
        String screening = settings.serviceUrl(Service.SCREENING);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> proposed = http.send(ListReplacement.upload(screening, "internal",
                KeycloakTokens.user(settings.keycloakUrl(), "operator"), csv).build(), HttpResponse.BodyHandlers.ofString());
        if (proposed.statusCode() != 202) {
            throw new IllegalStateException("list upload refused: HTTP " + proposed.statusCode() + " " + proposed.body());
        }
        String proposal = new com.fasterxml.jackson.databind.ObjectMapper().readTree(proposed.body()).path("id").asText();
        HttpResponse<String> approved = http.send(ListReplacement.approval(screening, proposal,
                KeycloakTokens.user(settings.keycloakUrl(), "supervisor")).build(), HttpResponse.BodyHandlers.ofString());
        if (approved.statusCode() != 201) {
            throw new IllegalStateException("list approval refused: HTTP " + approved.statusCode() + " " + approved.body());
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
