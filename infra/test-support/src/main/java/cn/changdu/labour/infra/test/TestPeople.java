package cn.changdu.labour.infra.test;

/** Valid, synthetic resident IDs (GB 11643-1999) for tests: region, birth date, sequence, check digit. */
public final class TestPeople {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private TestPeople() {
    }

    /** The n-th synthetic person of a county (n from 0 to 3,650,000), born between 1970 and 1979. */
    public static String residentId(String countyCode, int n) {
        int day = n / 1000;
        int sequence = n % 1000;
        java.time.LocalDate birth = java.time.LocalDate.of(1970, 1, 1).plusDays(day);
        String body = countyCode + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
