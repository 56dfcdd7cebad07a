package io.tenantgate.common.problem;

import java.util.List;

/**
 * Thrown by services to answer with a specific problem; mapped to problem+json as is. Services name the kind of
 * problem through these factories (not found, conflict, refused, ...) and the HTTP status of each kind is
 * decided here, in one place.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    /** A request with several bad fields, each named with what is wrong with it; the detail lists them all. */
    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, detail).withErrors(errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what + " does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return conflict("conflict", "Conflict", detail);
    }

    /** The request contradicts the state of what it acts on (a closed case, a stale version, four eyes). */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 409, detail));
    }

    /** A request that is malformed as a whole, not in one field (an unreadable file). */
    public static ProblemException invalid(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 400, detail));
    }

    /** A well-formed request this caller may not make (the caller's role, not its token, is the reason). */
    public static ProblemException refused(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 403, detail));
    }

    /** A well-formed request whose content cannot be accepted. */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 422, detail));
    }

    /** A body larger than the endpoint takes. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of("body-too-large", "Request body too large", 413, detail));
    }

    /** A body of unstated length where the endpoint must know its size before reading it. */
    public static ProblemException lengthRequired(String detail) {
        return new ProblemException(Problem.of("length-required", "Length required", 411, detail));
    }

    /** A service this request needs did not answer; the caller may send the same request again. */
    public static ProblemException unavailable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(slug, title, 503, detail));
    }

    /** The same problem naming the fields that caused it. */
    public ProblemException withErrors(List<Problem.FieldError> errors) {
        return new ProblemException(problem.withErrors(errors));
    }

    /** The same problem naming the field that caused it. */
    public ProblemException withError(String field, String message) {
        return withErrors(List.of(new Problem.FieldError(field, message)));
    }

    public Problem problem() {
        return problem;
    }
}
