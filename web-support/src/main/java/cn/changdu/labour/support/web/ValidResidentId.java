package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.kernel.BusinessTime;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Period;
import java.util.Optional;

/**
 * A GB 11643-1999 resident ID of a person of working age: shape, region, birth date, check digit, and an age of
 * {@link #MIN_AGE} to {@link #MAX_AGE}. Null passes: add @NotBlank.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidResidentId.Validator.class)
public @interface ValidResidentId {

    String message() default "不是有效的身份证号";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Working age, as the plan counts the labour it trains and places: 16 to 65 on the business clock's today. */
    int MIN_AGE = 16;
    int MAX_AGE = 65;

    class Validator implements ConstraintValidator<ValidResidentId, String> {
        private final Clock clock;

        /** Outside Spring (plain Bean Validation): the system clock. */
        public Validator() {
            this(Clock.systemUTC());
        }

        @Autowired
        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Optional<String> problem = ResidentId.validate(value);
            if (problem.isEmpty()) {
                int age = Period.between(new ResidentId(value).birthDate(), BusinessTime.dateOf(clock.instant())).getYears();
                if (age < MIN_AGE || age > MAX_AGE) {
                    problem = Optional.of("出生日期表明年龄为 " + Math.max(age, 0) + " 周岁，不在劳动年龄（" + MIN_AGE
                            + "–" + MAX_AGE + " 周岁）内");
                }
            }
            problem.ifPresent(text -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("不是有效的身份证号：" + text).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
