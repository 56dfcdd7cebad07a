package io.tenantgate.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Turns every error a REST endpoint can raise into {@code application/problem+json}. Unexpected
 * exceptions are logged with an id that the answer repeats; no stack trace ever leaves the service.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalidFields(errors).problem(), uri);
    }

    /** Named one by one: Quarkus maps the specific Jackson exceptions itself unless a mapper claims them. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        String reason = reason(e);
        Problem problem = Problem.of("malformed-json", "Malformed request body", 400,
                field.isEmpty() ? reason : field + ": " + reason);
        if (!field.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, reason)));
        }
        return respond(problem, uri);
    }

    /** No token: UnauthorizedException; a token that failed verification: AuthenticationFailedException. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e, UriInfo uri) {
        Unauthenticated why = Unauthenticated.of(e instanceof AuthenticationFailedException ? e : null);
        Problem problem = Problem.of("unauthenticated", "Unauthenticated", 401, why.detail());
        return Response.fromResponse(respond(problem, uri)).header(HttpHeaders.WWW_AUTHENTICATE, why.challenge()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "The token lacks a role this endpoint requires"), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri); // the JSON reader wraps what it could not parse
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The service could not complete the request; incident " + incident), uri);
    }

    /**
     * Why a body could not be read, in the request's terms: a syntax error with its line and column, a wrong
     * value with the accepted ones, never a Java class name.
     */
    static String reason(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field; the fields here are " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().toList();
        }
        if (e instanceof InvalidFormatException wrong && wrong.getTargetType() != null && wrong.getTargetType().isEnum()) {
            return "'" + wrong.getValue() + "' is not one of " + java.util.Arrays.toString(wrong.getTargetType().getEnumConstants());
        }
        String reason = JAVA_TYPE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("$1");
        if (!(e instanceof JsonMappingException) && e.getLocation() != null) {
            return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + reason;
        }
        return reason;
    }

    /** A backquoted Java type in Jackson's messages ({@code `io.tenantgate.x.CaseRequest$Kind`}), kept as its simple name. */
    private static final java.util.regex.Pattern JAVA_TYPE = java.util.regex.Pattern.compile(
            "`(?:[a-z_][\\w]*\\.)+(?:[A-Z]\\w*\\$)*([A-Za-z]\\w*)`");

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()))
                .build();
    }

    /**
     * {@code create.request.owners[1].percentage} becomes {@code owners[1].percentage}; a violated query or
     * path parameter ({@code list.size}) is named by the parameter itself ({@code size}).
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().isEmpty() && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "body";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
