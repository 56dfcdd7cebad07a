package io.tenantgate.common.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Puts in every service's OpenAPI document the errors each operation answers, as the problem+json they are: 400
 * (a malformed parameter or body, naming the field), 401 and 403 everywhere; 404 where the path names something;
 * 413 and 415 where a body is sent. The {@code Idempotency-Key} and {@code If-Match} headers are marked required
 * where an operation reads them: the services refuse a request without them.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final Set<String> REQUIRED_HEADERS = Set.of("Idempotency-Key", "If-Match");
    /** What the generator writes for the statuses it adds itself (a bean-validated body, a role check). */
    private static final Set<String> GENERATED_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed",
            "Not Found");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(SCHEMA, problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "A parameter or the body is malformed or invalid; `errors` names each field");
        errors.put("401", "No bearer token, an expired one, or one not valid for this service (see WWW-Authenticate)");
        errors.put("403", "The token lacks a role this operation admits");
        if (path.contains("{")) {
            errors.put("404", "Nothing with that id (a malformed id is a 400)");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "The body is larger than this service accepts");
            errors.put("415", "The body is not in a media type this operation reads");
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        errors.forEach((status, description) -> {
            APIResponse response = operation.getResponses().getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse();
                operation.getResponses().addAPIResponse(status, response);
            }
            if (response.getDescription() == null || GENERATED_DESCRIPTIONS.contains(response.getDescription())) {
                response.setDescription(description);
            }
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMA))));
        });
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getIn() == Parameter.In.HEADER && REQUIRED_HEADERS.contains(parameter.getName())) {
                    parameter.setRequired(true);
                }
            }
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field, named by its path in the request (owners[1].percentage) or the parameter")
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("A stable URI per kind of problem, to branch on"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
