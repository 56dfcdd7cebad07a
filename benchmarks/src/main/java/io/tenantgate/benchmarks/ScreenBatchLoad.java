package io.tenantgate.benchmarks;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.tenantgate.proto.common.v1.PartialDate;
import io.tenantgate.proto.screening.v1.Ownership;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.PartyKind;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc.ScreeningServiceStub;
import io.tenantgate.screening.engine.index.PartyQuery;
import io.tenantgate.screening.engine.parse.BundledLists;
import io.tenantgate.suite.Service;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for screening-service's {@code ScreenBatch} stream over loopback. By default it starts its own
 * suite (embedded PostgreSQL, Keycloak, the three services) with ports and folders apart from a developer's
 * {@code ./tenantgate up}, and stops it at the end, also on failure or Ctrl-C. With {@code --port} and
 * {@code --client-secret} it uses a suite that is already running. It takes a client-credentials token of
 * identity-service, the one caller screening-service admits, warms up, then sends the measured parties and
 * prints parties/s, p50/p99 latency per party and errors.
 */
public final class ScreenBatchLoad {

    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar io.tenantgate.benchmarks.ScreenBatchLoad [options]
              --parties N          parties in the measured run (default 300000)
              --warmup N           parties sent first and not measured (default 200000, while the JIT compiles)
              --streams K          concurrent ScreenBatch streams (default 4)
              --in-flight M        unanswered requests allowed per stream (default 64)
              --time-limit SECONDS limit of each run, warm-up and measured (default 600)
              --negatives FILE     synthetic negatives for the party pool (default %s)
            %s            Running suite (loopback only):
              --host HOST          screening-service host (default localhost)
              --port N             screening-service port; giving it selects this mode
              --client-secret S    identity-service's Keycloak client secret
              --keycloak-url URL   Keycloak base URL (default http://localhost:8180)
            """.formatted(QueryPool.NEGATIVES, OwnSuite.USAGE.formatted("benchmarks/target/load-suite", 23000));
    private static final String CALLER = "identity-service";

    private final Options options;

    private ScreenBatchLoad(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        ScreenBatchLoad load;
        try {
            load = new ScreenBatchLoad(Options.parse(args, USAGE));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(OwnSuite.runAgainst(load.options, USAGE, "benchmarks/target/load-suite", 23000, Service.SCREENING, CALLER, load::measure));
    }

    /** Warms up, then measures; 0 when every measured party was answered without error in time. */
    private int measure(String host, int port, String keycloakUrl, String clientSecret) throws Exception {
        OwnSuite.requireLoopback(host);
        OwnSuite.requireLoopback(URI.create(keycloakUrl).getHost());
        int streams = options.positive("--streams", 4);
        int inFlight = options.positive("--in-flight", 64);
        int parties = options.positive("--parties", 300_000);
        int warmup = options.positive("--warmup", 200_000);
        Duration timeLimit = Duration.ofSeconds(options.positive("--time-limit", 600));
        List<ScreenRequest> pool = partyPool(Path.of(options.text("--negatives", QueryPool.NEGATIVES)));
        System.out.printf("%d streams, at most %d requests in flight each, pool of %d parties, screening-service at %s:%d%n",
                streams, inFlight, pool.size(), host, port);
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().directExecutor().build();
        try {
            LoadPhase.Result warm = LoadPhase.run(channel, authorized(channel, keycloakUrl, clientSecret), pool, warmup,
                    streams, inFlight, timeLimit);
            System.out.println(warm.summary("warm-up"));
            if (warm.answered() < warmup) {
                System.out.println("The warm-up did not get every answer; no measured run.");
                return 1;
            }
            LoadPhase.Result measured = LoadPhase.run(channel, authorized(channel, keycloakUrl, clientSecret), pool, parties,
                    streams, inFlight, timeLimit);
            System.out.println(measured.summary("measured"));
            return measured.inTime() && measured.errors().isEmpty() && measured.answered() == parties ? 0 : 1;
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** A stub whose calls carry a fresh client-credentials token of identity-service. */
    private static ScreeningServiceStub authorized(ManagedChannel channel, String keycloakUrl, String clientSecret)
            throws IOException, InterruptedException {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + KeycloakTokens.clientCredentials(keycloakUrl, CALLER, clientSecret));
        return ScreeningServiceGrpc.newStub(ClientInterceptors.intercept(channel,
                MetadataUtils.newAttachHeadersInterceptor(headers)));
    }

    /** Realistic sign-ups: the query pool's people and organisations, one in four with one owner. */
    private static List<ScreenRequest> partyPool(Path negatives) {
        List<PartyQuery> queries = QueryPool.build(BundledLists.load(), negatives, QueryPool.DEFAULT_SIZE);
        Random random = new Random(QueryPool.SEED);
        List<ScreenRequest> requests = new ArrayList<>(queries.size());
        for (PartyQuery query : queries) {
            Party.Builder customer = party("customer", query);
            if (random.nextInt(4) == 0) {
                PartyQuery owner = queries.get(random.nextInt(queries.size()));
                customer.addOwners(Ownership.newBuilder().setOwner(party("owner:1", owner))
                        .setPercentage(25 + random.nextInt(76)).setControl(random.nextInt(10) == 0));
            }
            requests.add(ScreenRequest.newBuilder().setParty(customer).build());
        }
        return List.copyOf(requests);
    }

    private static Party.Builder party(String reference, PartyQuery query) {
        Party.Builder party = Party.newBuilder().setReference(reference).setKind(switch (query.type()) {
            case INDIVIDUAL -> PartyKind.PARTY_KIND_PERSON;
            case ENTITY -> PartyKind.PARTY_KIND_ORGANIZATION;
            default -> PartyKind.PARTY_KIND_UNSPECIFIED;
        }).addNames(query.name()).addAllCountries(query.countries());
        if (query.dateOfBirth() != null) {
            party.addDates(PartialDate.newBuilder().setYear(query.dateOfBirth().year())
                    .setMonth(query.dateOfBirth().month()).setDay(query.dateOfBirth().day()));
        }
        return party;
    }
}
