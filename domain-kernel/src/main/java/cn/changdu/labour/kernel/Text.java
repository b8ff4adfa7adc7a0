package cn.changdu.labour.kernel;

/** Free text as entered: the one normalisation every service applies to optional fields. */
public final class Text {

    private Text() {
    }

    /** The text without surrounding blanks, or null when nothing was entered. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
