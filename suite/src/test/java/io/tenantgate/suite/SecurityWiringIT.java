package io.tenantgate.suite;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiring of the assembled suite, with real tokens from the real Keycloak: every service refuses
 * anonymous callers and wrong roles, and service-to-service gRPC works only with a service token.
 */
@ExtendWith(SuiteExtension.class)
class SecurityWiringIT {

    private static TenantgateSuite suite;
    private static Tokens tokens;
    private static ManagedChannel screeningChannel;
    private static ManagedChannel reportingChannel;

    /** GetListStatus with raw bytes: its request is an empty message, so no generated stub is needed here. */
    private static final MethodDescriptor<byte[], byte[]> GET_LIST_STATUS = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("tenantgate.screening.v1.ScreeningService/GetListStatus")
            .setRequestMarshaller(GrpcBytes.MARSHALLER)
            .setResponseMarshaller(GrpcBytes.MARSHALLER)
            .build();

    /** RecordEvents with an empty request: enough to see whether the caller's token gets past authentication. */
    private static final MethodDescriptor<byte[], byte[]> RECORD_EVENTS = GET_LIST_STATUS.toBuilder()
            .setFullMethodName("tenantgate.reporting.v1.ReportingService/RecordEvents").build();

    @BeforeAll
    static void connect(TenantgateSuite running) {
        suite = running;
        tokens = new Tokens(running);
        screeningChannel = ManagedChannelBuilder.forAddress("localhost", running.settings().screeningPort())
                .usePlaintext().build();
        reportingChannel = ManagedChannelBuilder.forAddress("localhost", running.settings().reportingPort())
                .usePlaintext().build();
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        screeningChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        reportingChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0} {1}: no token 401, {3} 403, {2} 200")
    @CsvSource({
            "SCREENING, /api/v1/lists,            operator, regulator",
            "IDENTITY,  /api/v1/screening/lists,  operator, regulator",
            "REPORTING, /api/v1/events,           operator, analyst",
    })
    void everyServiceChecksTokensAndRoles(Service service, String path, String allowed, String refused) {
        String url = suite.settings().serviceUrl(service) + path;

        given().when().get(url).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"tenantgate\"");
        given().auth().oauth2("not-a-token").when().get(url).then().statusCode(401);
        given().auth().oauth2(tokens.user(refused)).when().get(url).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(tokens.user(allowed)).when().get(url).then().statusCode(200);
    }

    /** identity-service answers from screening-service over gRPC, with its own client-credentials token. */
    @Test
    void identityServiceReachesScreeningWithItsServiceToken() {
        given().auth().oauth2(tokens.user("analyst"))
                .when().get(suite.settings().serviceUrl(Service.IDENTITY) + "/api/v1/screening/lists")
                .then().statusCode(200)
                .contentType("application/json")
                .body("source", org.hamcrest.Matchers.hasItems("CSL", "SDN"));
    }

    @Test
    void screeningGrpcAcceptsTheIdentityServiceToken() {
        byte[] status = callGetListStatus(tokens.client("identity-service", "audience-screening-service"));
        // The bundled snapshot is active: the encoded response names both list feeds.
        String text = new String(status, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("CSL") && text.contains("SDN"), "list status: " + text);
    }

    @Test
    void screeningGrpcRefusesCallsWithoutAToken() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> callGetListStatus(null));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    }

    /** People may hold a token for screening-service, but not the role; other services do not even get a token for it. */
    @Test
    void screeningGrpcRefusesPeopleAndOtherServices() {
        StatusRuntimeException person = assertThrows(StatusRuntimeException.class,
                () -> callGetListStatus(tokens.user("operator")));
        assertEquals(Status.Code.PERMISSION_DENIED, person.getStatus().getCode());
        for (String token : new String[]{tokens.client("reporting-service"), tokens.client("onboarding-demo")}) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> callGetListStatus(token));
            assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        }
        assertEquals(400, tokens.clientStatus("reporting-service", "audience-screening-service"),
                "Keycloak refuses reporting-service a token for screening-service (invalid_scope)");
    }

    /**
     * A token names the one service it is for: the token identity-service sends screening-service cannot be
     * replayed by screening-service at reporting-service, nor the one for reporting-service at screening-service.
     */
    @Test
    void aServiceTokenIsAcceptedOnlyByThePeerItWasIssuedFor() {
        String forScreening = tokens.client("identity-service", "audience-screening-service");
        String forReporting = tokens.client("identity-service", "audience-reporting-service");
        assertEquals(List.of("screening-service"), Tokens.audiences(forScreening));

        callGetListStatus(forScreening);
        StatusRuntimeException replayed = assertThrows(StatusRuntimeException.class,
                () -> call(reportingChannel, RECORD_EVENTS, forScreening));
        assertEquals(Status.Code.UNAUTHENTICATED, replayed.getStatus().getCode());
        StatusRuntimeException misdirected = assertThrows(StatusRuntimeException.class, () -> callGetListStatus(forReporting));
        assertEquals(Status.Code.UNAUTHENTICATED, misdirected.getStatus().getCode());
        try {
            call(reportingChannel, RECORD_EVENTS, forReporting);
        } catch (StatusRuntimeException e) {
            // An empty request may be refused for its content, never for the token.
            assertFalse(Set.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED).contains(e.getStatus().getCode()),
                    e.getStatus().toString());
        }
    }

    /** A client's token for one service is refused by the others over REST too (401: not for this audience). */
    @Test
    void anIntegrationTokenOpensOnlyTheServiceItIsFor() {
        String onboarding = tokens.client("onboarding-demo");
        assertEquals(List.of("identity-service"), Tokens.audiences(onboarding));
        given().auth().oauth2(onboarding).when().get(suite.settings().serviceUrl(Service.REPORTING) + "/api/v1/events")
                .then().statusCode(401);
        given().auth().oauth2(onboarding).when().get(suite.settings().serviceUrl(Service.SCREENING) + "/api/v1/lists")
                .then().statusCode(401);
    }

    /** fullScopeAllowed is off: a token carries only the roles its client's scope holds, none of the realm's defaults. */
    @Test
    void tokensCarryOnlyTheRolesTheirClientNeeds() {
        assertEquals(List.of("onboarding"), Tokens.claims(tokens.client("onboarding-demo")).getList("realm_access.roles"));
        assertEquals(List.of("identity-service"),
                Tokens.claims(tokens.client("identity-service", "audience-screening-service")).getList("realm_access.roles"));
        io.restassured.path.json.JsonPath analyst = Tokens.claims(tokens.user("analyst"));
        assertEquals(List.of("analyst"), analyst.getList("realm_access.roles"));
        assertEquals("analyst", analyst.getString("preferred_username"));
    }

    @Test
    void screeningGrpcRefusesAForgedToken() {
        String real = tokens.client("identity-service", "audience-screening-service");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> callGetListStatus(forged));
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    }

    private static byte[] callGetListStatus(String bearerToken) {
        return call(screeningChannel, GET_LIST_STATUS, bearerToken);
    }

    private static byte[] call(ManagedChannel target, MethodDescriptor<byte[], byte[]> method, String bearerToken) {
        Metadata headers = new Metadata();
        if (bearerToken != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + bearerToken);
        }
        var channel = io.grpc.ClientInterceptors.intercept(target,
                MetadataUtils.newAttachHeadersInterceptor(headers));
        return ClientCalls.blockingUnaryCall(channel, method,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[0]);
    }
}
