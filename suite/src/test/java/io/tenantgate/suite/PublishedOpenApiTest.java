package io.tenantgate.suite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document of each service, as its build writes it ({@code quarkus.smallrye-openapi.store-schema-directory}),
 * is the one published in {@code docs/openapi/<service>.json}: a change to an API changes the published contract in
 * the same commit. To publish after changing an API: {@code ./mvnw -q install -DskipTests} then
 * {@code ./mvnw -q test -pl suite -Dtest=PublishedOpenApiTest -Dopenapi.publish=true}.
 */
class PublishedOpenApiTest {

    @Test
    void eachPublishedDocumentIsTheBuiltOne() throws IOException {
        Path repo = ItSettings.repo();
        boolean publish = Boolean.getBoolean("openapi.publish");
        List<String> stale = new ArrayList<>();
        for (Service service : Service.values()) {
            Path built = repo.resolve(service.module()).resolve("target/openapi/openapi.json");
            Path published = repo.resolve("docs/openapi").resolve(service.module() + ".json");
            assertTrue(Files.isRegularFile(built), built + " is missing: build " + service.module() + " first");
            String document = Files.readString(built, StandardCharsets.UTF_8);
            if (publish) {
                Files.createDirectories(published.getParent());
                Files.writeString(published, document, StandardCharsets.UTF_8);
            } else if (!Files.isRegularFile(published) || !Files.readString(published, StandardCharsets.UTF_8).equals(document)) {
                stale.add(repo.relativize(published).toString());
            }
        }
        assertEquals(List.of(), stale, "the published OpenAPI documents differ from the APIs as built; publish them with"
                + " ./mvnw -q test -pl suite -Dtest=PublishedOpenApiTest -Dopenapi.publish=true");
    }
}
