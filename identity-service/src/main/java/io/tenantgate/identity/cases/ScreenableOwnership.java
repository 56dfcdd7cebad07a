package io.tenantgate.identity.cases;

import io.tenantgate.common.validation.ScreeningLimits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The customer with its owners at every depth fits one screening request ({@link ScreeningLimits}), so every
 * case accepted can be screened. Reported on {@code owners}.
 */
@Documented
@Constraint(validatedBy = ScreenableOwnership.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScreenableOwnership {
    String message() default "too many owners to screen";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ScreenableOwnership, CaseRequest> {

        @Override
        public boolean isValid(CaseRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            int[] parties = {1};
            int depth = deepest(request.owners(), 1, parties);
            String problem = null;
            if (depth > ScreeningLimits.OWNERSHIP_DEPTH) {
                problem = "owners nest " + depth + " levels deep; at most " + ScreeningLimits.OWNERSHIP_DEPTH
                        + " can be screened";
            } else if (parties[0] > ScreeningLimits.PARTIES_PER_REQUEST) {
                problem = "the customer and its owners at every depth are " + parties[0] + " parties; at most "
                        + ScreeningLimits.PARTIES_PER_REQUEST + " can be screened";
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode("owners").addConstraintViolation();
            return false;
        }

        /** The deepest level of owners under this list (0 for none), counting every owner into parties[0]. */
        private static int deepest(List<CaseRequest.Owner> owners, int level, int[] parties) {
            int deepest = owners.isEmpty() ? level - 1 : level;
            for (CaseRequest.Owner owner : owners) {
                if (owner == null) {
                    continue;
                }
                parties[0]++;
                deepest = Math.max(deepest, deepest(owner.owners(), level + 1, parties));
            }
            return deepest;
        }
    }
}
