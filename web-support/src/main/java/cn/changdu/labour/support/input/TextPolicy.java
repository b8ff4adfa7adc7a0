package cn.changdu.labour.support.input;

import java.text.Normalizer;

/**
 * The one normalisation of request text: NFC, invisible format characters (zero-width space, joiners, BOM ...)
 * removed, surrounding blanks trimmed; then refused if it still holds control characters or is too long. Removing
 * the invisible characters first lets {@code @NotBlank} refuse a name made only of them.
 */
public final class TextPolicy {

    /** The longest text any field takes, on top of the field's own {@code @Size}. */
    public static final int MAX_LENGTH = 4000;

    /** A text the policy refuses: the rule it breaks ({@code control-characters}, {@code max-length}). */
    public static final class Refused extends IllegalArgumentException {
        private final String rule;

        Refused(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private TextPolicy() {
    }

    /** The text as stored, or a {@link Refused}; {@code multiLine} keeps line breaks and tabs. */
    public static String normalise(String text, boolean multiLine) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (multiLine && c == '\r') {
                // CR LF and a lone CR are one line break
                if (i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            boolean lineBreak = c == '\n' || c == '\t';
            if ((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') && !(multiLine && lineBreak)) {
                throw new Refused("control-characters", multiLine
                        ? "不能包含控制字符（换行、制表符除外）"
                        : "不能包含控制字符（如换行、制表符、NUL）");
            }
            kept.append(c);
        }
        String result = kept.toString().strip();
        if (result.isEmpty() && !text.isEmpty()) {
            // blanks or invisible characters only: not a value, in a required field or an optional one
            throw new Refused("blank", "不能只有空白或不可见字符；不填请省略该字段");
        }
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            throw new Refused("max-length", "长度不能超过 " + MAX_LENGTH + " 个字符");
        }
        return result;
    }
}
