package cn.changdu.labour.contracts.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * An 18-character resident identity number (GB 11643-1999): 6-digit region code, birth date, 3-digit
 * sequence (odd for men, even for women), ISO 7064 MOD 11-2 check character.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    /** Province-level prefixes of GB/T 2260 (mainland, then Taiwan, Hong Kong, Macao). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public enum Sex { MALE, FEMALE }

    public ResidentId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        value = value.toUpperCase();
    }

    /** Says (zh-CN, for the person who typed it) why the text is not a valid resident ID; empty when it is. */
    public static Optional<String> validate(String text) {
        return Optional.ofNullable(problemWith(text));
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The ID as most roles may see it: region and check character kept, the rest masked. */
    public String masked() {
        return value.substring(0, 6) + "********" + "***" + value.charAt(17);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String problemWith(String text) {
        if (text == null || !text.matches("\\d{17}[\\dXx]")) {
            return "须为 18 位：17 位数字加 1 位校验码（数字或 X）";
        }
        if (!PROVINCES.contains(text.substring(0, 2))) {
            return "地区码 " + text.substring(0, 6) + " 不是 GB/T 2260 行政区划代码";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            return "出生日期 " + text.substring(6, 14) + " 不是有效日期";
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now())) {
            return "出生日期 " + birth + " 超出合理范围";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (text.charAt(i) - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(text.charAt(17)) != CHECK_CHARS.charAt(sum % 11)) {
            return "校验码不符（GB 11643-1999 MOD 11-2）";
        }
        return null;
    }
}
