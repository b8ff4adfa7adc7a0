package cn.changdu.labour.support.web;

import cn.changdu.labour.kernel.RuleViolation;

/**
 * A request value that breaks a rule a controller checks itself (an unknown indicator, a quarter outside 1–4):
 * a rule of the request, not of the plan, so a 400 {@code validation} problem naming the field and the rule, like a
 * failed bean-validation constraint (a plain {@link RuleViolation} is a 422).
 */
public class InvalidInput extends RuleViolation {

    public InvalidInput(String field, String rule, String message) {
        super(rule, field, message);
    }
}
