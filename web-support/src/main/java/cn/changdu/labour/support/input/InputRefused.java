package cn.changdu.labour.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the input policy refuses, with the rule it breaks. A Jackson exception, so Jackson records the path
 * of the field it was reading and the problem detail can name it.
 */
public class InputRefused extends MismatchedInputException {

    private final String rule;

    public InputRefused(JsonParser parser, Class<?> type, String rule, String message) {
        super(parser, message, type);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
