package io.tenantgate.common.problem;

import java.util.List;

/** Thrown by services to answer with a specific problem; mapped to problem+json as is. */
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
        return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
    }

    public Problem problem() {
        return problem;
    }
}
