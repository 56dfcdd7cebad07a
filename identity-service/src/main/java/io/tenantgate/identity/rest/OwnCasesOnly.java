package io.tenantgate.identity.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.cases.CaseRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An integration client reaches only the cases it opened: a request under {@code /api/v1/customers/{id}} from a
 * caller with the onboarding role and no staff role, for a case another client opened, is answered 404 as if
 * the case did not exist (that it exists is not the caller's business either). Cases opened before the opening
 * client was kept stay open to every onboarding client.
 */
public class OwnCasesOnly {

    private static final Set<String> STAFF = Set.of("analyst", "supervisor");
    private static final String CASES = "api/v1/customers/";

    @Inject
    SecurityIdentity caller;

    @Inject
    CaseRepository cases;

    @ServerRequestFilter
    public void onlyOwnCases(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id == null || !(path.startsWith("/") ? path.substring(1) : path).startsWith(CASES)
                || caller.isAnonymous() || !caller.hasRole("onboarding") || STAFF.stream().anyMatch(caller::hasRole)) {
            return;
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return; // the resource refuses it naming the parameter
        }
        cases.openingClient(caseId).ifPresent(client -> {
            if (!Objects.equals(client, CallingClient.of(caller))) {
                throw ProblemException.notFound("Customer case " + caseId);
            }
        });
    }
}
