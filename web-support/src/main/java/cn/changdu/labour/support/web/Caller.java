package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;

import java.util.Set;

/**
 * Who is asking, on a read: the actor (when the headers name one) and the roles the gateway vouches for in
 * {@code X-Actor-Roles} (comma-separated). Personal data (names, resident IDs, phones) is shown in full only
 * to {@link #PERSONAL_DATA} holders and auditors; everyone else sees it masked.
 */
public record Caller(Actor actor, Set<String> roles) {

    /** Case workers of the owning department who record and follow up people by real name. */
    public static final String PERSONAL_DATA = "personal-data";
    /** Auditors (审计, 财政) who verify real-name records. */
    public static final String AUDITOR = "auditor";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean maySeePersonalData() {
        return roles.contains(PERSONAL_DATA) || roles.contains(AUDITOR);
    }

    /** The text itself for those who may see it, else its masked form. */
    public String personal(String value, java.util.function.UnaryOperator<String> mask) {
        return value == null || maySeePersonalData() ? value : mask.apply(value);
    }

    /** Masks a name, keeping its first character: 扎西多吉 → 扎***. */
    public static String maskName(String name) {
        return name.isEmpty() ? name : name.substring(0, name.offsetByCodePoints(0, 1)) + "***";
    }

    /** Masks a phone number, keeping the first 3 and last 2 digits. */
    public static String maskPhone(String phone) {
        return phone.length() < 6 ? "***" : phone.substring(0, 3) + "******" + phone.substring(phone.length() - 2);
    }
}
