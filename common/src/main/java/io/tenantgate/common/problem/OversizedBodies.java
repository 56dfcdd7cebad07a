package io.tenantgate.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refuses a body that declares more bytes than {@code quarkus.http.limits.max-body-size} with a problem+json
 * 413 naming the limit, before any of it is read. (Quarkus' own check, which also covers chunked bodies
 * that exceed the limit while streaming, answers a bare 413.)
 */
@ApplicationScoped
public class OversizedBodies {

    private final long limit;
    private final ObjectMapper json;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit,
                           ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        // Quarkus checks the limit at order -2; this answers first.
        router.route().order(-3).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                    && Long.parseLong(declared) > limit) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem(Long.parseLong(declared), context.request().path()));
                return;
            }
            context.next();
        });
    }

    private String problem(long declared, String path) {
        Problem problem = Problem.of("body-too-large", "Request body too large", 413,
                        "The body has " + declared + " bytes; this service accepts at most " + limit + " bytes")
                .withErrors(List.of(new Problem.FieldError("body", "at most " + limit + " bytes")))
                .withInstance(path);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
