package cn.changdu.labour.contracts;

import java.util.Map;

/** Changdu City's 11 county-level divisions (GB/T 2260). */
public final class Counties {

    public static final Map<String, String> CHANGDU = Map.ofEntries(
            Map.entry("540302", "卡若区"), Map.entry("540321", "江达县"), Map.entry("540322", "贡觉县"),
            Map.entry("540323", "类乌齐县"), Map.entry("540324", "丁青县"), Map.entry("540325", "察雅县"),
            Map.entry("540326", "八宿县"), Map.entry("540327", "左贡县"), Map.entry("540328", "芒康县"),
            Map.entry("540329", "洛隆县"), Map.entry("540330", "边坝县"));

    /** For {@code @Pattern}: one of the 11 codes. */
    public static final String PATTERN = "5403(02|2[1-9]|30)";

    private Counties() {
    }
}
