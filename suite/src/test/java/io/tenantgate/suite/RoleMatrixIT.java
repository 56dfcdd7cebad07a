package io.tenantgate.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, proven against the running suite: every REST operation of each service's OpenAPI document
 * and every gRPC method of the contracts in {@code proto/} is called with no token, a forged signature, an expired
 * token, a token from another realm of the same Keycloak, and a real token of every principal (people by role,
 * integrations, services), and must answer what {@code role-matrix.txt} says: 401 unless the token is for this
 * service and genuine, then 403 unless the principal's role is listed, else anything but 401, 403 or a server error.
 * An operation or method without a row, or a row without an operation, fails the test.
 */
@ExtendWith(SuiteExtension.class)
class RoleMatrixIT {

    private static final Pattern PROTO_PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PROTO_SERVICE = Pattern.compile("service\\s+(\\w+)Service\\s*\\{([^}]*)}");
    private static final Pattern PROTO_RPC = Pattern.compile("rpc\\s+(\\w+)\\s*\\(\\s*(stream\\s+)?[\\w.]+\\s*\\)\\s*returns\\s*\\(\\s*(stream\\s+)?");

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static TenantgateSuite suite;
    private static Matrix matrix;
    /** The token each caller presents, by caller name (principals of the table, and the refused kinds). */
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final Map<Service, ManagedChannel> CHANNELS = new LinkedHashMap<>();

    @BeforeAll
    static void tokens(TenantgateSuite running) throws Exception {
        suite = running;
        matrix = Matrix.read();
        Tokens tokens = new Tokens(running);
        for (Principal principal : matrix.principals()) {
            String[] clientAndScope = principal.name().split("/", 2);
            TOKENS.put(principal.name(), switch (principal.kind()) {
                case "user" -> tokens.user(principal.name());
                case "client" -> tokens.client(clientAndScope[0], clientAndScope.length > 1 ? clientAndScope[1] : null);
                default -> throw new IllegalArgumentException("unknown principal kind " + principal.kind());
            });
        }
        TOKENS.put("no token", null);
        KeycloakAdmin admin = new KeycloakAdmin(running);
        String expiring = admin.token(admin.shortLivedClient());
        // Before it expires the short-lived token is genuine: authenticated, refused only for want of a role.
        assertEquals(403, given().auth().oauth2(expiring).get(running.settings().serviceUrl(Service.SCREENING) + "/api/v1/lists")
                .statusCode(), () -> "a fresh token of the short-lived client " + Tokens.claims(expiring).prettify());
        TOKENS.put("another realm", admin.token(admin.neighbourClient()));
        String real = tokens.user("operator");
        TOKENS.put("forged signature", real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl");
        TOKENS.put("signed by a stranger", ForgedToken.signedByStranger(Tokens.claims(real).getString("iss")));
        long expiresAt = Tokens.claims(expiring).getLong("exp");
        await().atMost(10, TimeUnit.SECONDS).until(() -> Instant.now().getEpochSecond() > expiresAt);
        TOKENS.put("expired", expiring);
        for (Service service : Service.values()) {
            CHANNELS.put(service, ManagedChannelBuilder.forAddress("localhost", running.settings().servicePort(service))
                    .usePlaintext().build());
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        for (ManagedChannel channel : CHANNELS.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The table names exactly the operations and methods the services expose, and each principal's token is as it says. */
    @Test
    void theTableCoversEverythingTheServicesExpose() {
        Set<String> exposed = new TreeSet<>();
        exposed.addAll(restOperations().keySet());
        grpcMethods().forEach(method -> exposed.add(method.key()));
        Set<String> missing = new TreeSet<>(exposed);
        missing.removeAll(matrix.rows().keySet());
        Set<String> stale = new TreeSet<>(matrix.rows().keySet());
        stale.removeAll(exposed);
        assertTrue(missing.isEmpty(), "exposed without a row in role-matrix.txt: " + missing);
        assertTrue(stale.isEmpty(), "rows in role-matrix.txt for nothing exposed: " + stale);
        for (Principal principal : matrix.principals()) {
            JsonPath claims = Tokens.claims(TOKENS.get(principal.name()));
            assertEquals(new TreeSet<>(principal.audiences()), new TreeSet<>(Tokens.audiences(TOKENS.get(principal.name()))),
                    principal.name() + "'s token is for these services only");
            assertEquals(List.of(principal.role()), claims.getList("realm_access.roles"), principal.name() + "'s roles");
        }
    }

    @Test
    void everyRestOperationAnswersEachCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        restOperations().forEach((operation, mediaType) -> {
            Row row = matrix.rows().get(operation);
            if (row == null) {
                return; // reported by theTableCoversEverythingTheServicesExpose
            }
            TOKENS.forEach((caller, token) -> {
                Response response = call(row, mediaType, token);
                String outcome = outcome(response.statusCode());
                String expected = expected(row, caller);
                boolean problem = response.statusCode() < 401 || response.statusCode() > 403
                        || response.contentType().startsWith("application/problem+json");
                if (!outcome.equals(expected) || !problem) {
                    wrong.add(operation + " as " + caller + ": expected " + expected + ", got " + response.statusCode()
                            + " " + response.contentType() + " " + abbreviate(response.body().asString()));
                }
            });
        });
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from role-matrix.txt:\n" + String.join("\n", wrong));
    }

    /**
     * A 401 says why, as RFC 6750 has it: without a token the challenge only asks for one; an expired token is told
     * it expired (get a new one); a token that is not genuine or not for this service is an invalid token.
     */
    @Test
    void aRefusalSaysWhetherTheTokenWasMissingExpiredOrInvalid() {
        String lists = suite.settings().serviceUrl(Service.SCREENING) + "/api/v1/lists";
        String invalid = "401 Bearer realm=\"tenantgate\", error=\"invalid_token\", error_description=\"The bearer token is"
                + " not valid for this service (its signature, issuer or audience)\"";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("no token", "401 Bearer realm=\"tenantgate\"");
        expected.put("expired", "401 Bearer realm=\"tenantgate\", error=\"invalid_token\", error_description=\"The bearer"
                + " token has expired; get a new one\"");
        expected.put("forged signature", invalid);
        expected.put("signed by a stranger", invalid);
        expected.put("another realm", invalid);
        expected.put("identity-service/audience-reporting-service", invalid);
        Map<String, String> answered = new LinkedHashMap<>();
        expected.keySet().forEach(caller -> {
            var request = given();
            if (TOKENS.get(caller) != null) {
                request = request.auth().oauth2(TOKENS.get(caller));
            }
            Response response = request.get(lists);
            answered.put(caller, response.statusCode() + " " + response.header("WWW-Authenticate"));
        });
        assertEquals(expected, answered);
    }

    @Test
    void everyGrpcMethodAnswersEachCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (GrpcMethod method : grpcMethods()) {
            Row row = matrix.rows().get(method.key());
            if (row == null) {
                continue;
            }
            TOKENS.forEach((caller, token) -> {
                Status status = call(method, token);
                String outcome = switch (status.getCode()) {
                    case UNAUTHENTICATED -> "401";
                    case PERMISSION_DENIED -> "403";
                    case INTERNAL, UNKNOWN -> "error";
                    default -> "allowed";
                };
                String expected = expected(row, caller);
                if (!outcome.equals(expected)) {
                    wrong.add(method.key() + " as " + caller + ": expected " + expected + ", got " + status);
                }
            });
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from role-matrix.txt:\n" + String.join("\n", wrong));
    }

    /** 401 for a token that is not genuine or not for this service, 403 for a role not listed, else allowed. */
    private static String expected(Row row, String caller) {
        Principal principal = matrix.principal(caller);
        if (principal == null || !principal.audiences().contains(row.service().module())) {
            return "401";
        }
        return row.roles().contains(principal.role()) ? "allowed" : "403";
    }

    private static String outcome(int status) {
        return switch (status) {
            case 401 -> "401";
            case 403 -> "403";
            default -> status >= 500 ? "error" : "allowed";
        };
    }

    /**
     * Every REST operation of each service's OpenAPI document, as "service METHOD path", with the media type its
     * request body is declared in (null without a body).
     */
    private static Map<String, String> restOperations() {
        Map<String, String> operations = new java.util.TreeMap<>();
        for (Service service : Service.values()) {
            JsonPath document = given().get(suite.settings().managementUrl(service, 0) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
            paths.forEach((path, operationsOfPath) -> operationsOfPath.forEach((method, operation) -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    Object body = operation.get("requestBody");
                    String mediaType = body instanceof Map<?, ?> request && request.get("content") instanceof Map<?, ?> content
                            ? (String) content.keySet().iterator().next() : null;
                    operations.put(service.module() + " " + method.toUpperCase() + " " + path, mediaType);
                }
            }));
        }
        return operations;
    }

    /**
     * A call that can get past authentication and authorization only: placeholder path values, an empty body in the
     * media type the operation declares (a multipart form with one empty file part).
     */
    private static Response call(Row row, String mediaType, String token) {
        String path = Pattern.compile("\\{(\\w+)}").matcher(row.path()).replaceAll(placeholder -> switch (placeholder.group(1)) {
            case "source" -> "CSL";
            case "feed" -> "no-such-feed"; // an upload that got through would replace a list other tests use
            case "number", "accountId", "runId" -> "role-matrix-1";
            case "kind" -> "webhook";
            default -> UUID.randomUUID().toString();
        });
        var request = given().header("If-Match", "\"0\"").header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if ("multipart/form-data".equals(mediaType)) {
            request = request.multiPart("file", "empty.csv", new byte[0], "text/csv");
        } else if (mediaType != null) {
            request = request.contentType(mediaType).body("{}");
        }
        return request.request(row.method(), suite.settings().serviceUrl(row.service()) + path);
    }

    /** Every gRPC method of the contracts, with the service that serves it. */
    private static List<GrpcMethod> grpcMethods() {
        List<GrpcMethod> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(suite.settings().repo().resolve("proto/src/main/proto"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".proto")).toList()) {
                String proto = Files.readString(file, StandardCharsets.UTF_8);
                Matcher packageName = PROTO_PACKAGE.matcher(proto);
                Matcher service = PROTO_SERVICE.matcher(proto);
                while (service.find()) {
                    packageName.reset().find();
                    Service served = Service.valueOf(service.group(1).toUpperCase());
                    Matcher rpc = PROTO_RPC.matcher(service.group(2));
                    while (rpc.find()) {
                        methods.add(new GrpcMethod(served, packageName.group(1) + "." + service.group(1) + "Service",
                                rpc.group(1), rpc.group(2) != null, rpc.group(3) != null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return methods;
    }

    /**
     * Calls a method with one empty request message and returns how the call ended. A call that is still open when its
     * deadline passes got past authentication (which answers at once), so it counts as allowed.
     */
    private static Status call(GrpcMethod method, String token) {
        MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(method.type()).setFullMethodName(method.fullName())
                .setRequestMarshaller(GrpcBytes.MARSHALLER).setResponseMarshaller(GrpcBytes.MARSHALLER).build();
        ClientCall<byte[], byte[]> call = CHANNELS.get(method.service())
                .newCall(descriptor, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS));
        CompletableFuture<Status> ended = new CompletableFuture<>();
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
        }
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onHeaders(Metadata answerHeaders) {
                failIfEchoed(answerHeaders);
            }

            @Override
            public void onMessage(byte[] message) {
                ended.complete(Status.OK);
                call.cancel("answered", null);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                failIfEchoed(trailers);
                ended.complete(status);
            }

            /** A refusal must not send the caller's token back (its request headers used to be its trailers). */
            private void failIfEchoed(Metadata answer) {
                if (answer.containsKey(AUTHORIZATION)) {
                    ended.complete(Status.INTERNAL.withDescription("the answer carries the caller's authorization header"));
                }
            }
        }, headers);
        call.request(1);
        call.sendMessage(new byte[0]);
        call.halfClose();
        return ended.orTimeout(15, TimeUnit.SECONDS).join();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    record GrpcMethod(Service service, String serviceName, String name, boolean clientStreams, boolean serverStreams) {
        String key() {
            return service.module() + " GRPC " + name;
        }

        String fullName() {
            return serviceName + "/" + name;
        }

        MethodDescriptor.MethodType type() {
            if (clientStreams) {
                return serverStreams ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING;
            }
            return serverStreams ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY;
        }
    }

    record Principal(String name, String kind, String role, List<String> audiences) {
    }

    record Row(Service service, String method, String path, Set<String> roles) {
    }

    /** role-matrix.txt: the principals, then one row per operation or method with the roles it admits. */
    record Matrix(List<Principal> principals, Map<String, Row> rows) {

        static Matrix read() {
            List<Principal> principals = new ArrayList<>();
            Map<String, Row> rows = new LinkedHashMap<>();
            try (var in = RoleMatrixIT.class.getResourceAsStream("/role-matrix.txt")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] fields = line.strip().split("\\s+");
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (fields[0].equals("principal")) {
                        principals.add(new Principal(fields[1], fields[2], fields[3], List.of(fields[4].split(","))));
                        continue;
                    }
                    Service service = Service.valueOf(fields[0].replace("-service", "").toUpperCase());
                    Set<String> roles = fields[3].equals("-") ? Set.of() : Set.of(fields[3].split(","));
                    Row row = new Row(service, fields[1], fields[2], roles);
                    if (rows.put(fields[0] + " " + fields[1] + " " + fields[2], row) != null) {
                        throw new IllegalStateException("two rows for " + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Matrix(principals, rows);
        }

        Principal principal(String name) {
            return principals.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }
    }
}
