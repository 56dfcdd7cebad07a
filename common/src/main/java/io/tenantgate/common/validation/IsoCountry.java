package io.tenantgate.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 3166-1 alpha-2 country code in upper case (null is valid: combine with @NotNull where required). */
@Documented
@Constraint(validatedBy = IsoCountryValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {
    String message() default "must be an ISO 3166-1 alpha-2 country code such as DE or CN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
