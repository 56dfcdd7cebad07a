package io.tenantgate.identity.verification;

/** The text is not a TD1 or TD3 machine-readable zone; the message says which rule it broke. */
public class MrzFormatException extends IllegalArgumentException {

    public MrzFormatException(String message) {
        super(message);
    }
}
