package io.tenantgate.common.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A path or query value that does not parse, thrown while JAX-RS converts it (as a WebApplicationException, which
 * JAX-RS passes on instead of turning it into 404) and answered as a 400 problem naming the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String expectation;

    public InvalidParameterException(String parameter, String expectation) {
        super(parameter + ": " + expectation);
        this.parameter = parameter;
        this.expectation = expectation;
    }

    public Problem problem() {
        return ProblemException.invalidField(parameter, expectation).problem();
    }
}
