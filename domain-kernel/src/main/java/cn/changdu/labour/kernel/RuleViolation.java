package cn.changdu.labour.kernel;

/**
 * A command was refused because it would break a rule of the plan. Aggregates throw it; the web layer turns it
 * into an RFC 9457 problem detail that names the rule (and the field, where one is to blame).
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    /**
     * @param rule    stable kebab-case name of the rule, e.g. {@code class-size-within-plan}
     * @param field   the request field at fault, or null
     * @param message what is wrong, for the person who entered it (zh-CN)
     */
    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
