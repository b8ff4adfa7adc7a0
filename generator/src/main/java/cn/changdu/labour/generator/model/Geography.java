package cn.changdu.labour.generator.model;

import cn.changdu.labour.contracts.Counties;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Changdu's 11 counties with the weights the generator spreads people by, a few townships each and the relocation
 * sites (易地扶贫搬迁安置点). Codes and names come from {@link Counties}; the weights are resident population
 * (see the module README for the figures and their source).
 */
public final class Geography {

    /** A county: code and name (GB/T 2260), resident population (the weight), townships, relocation sites. */
    public record County(String code, String name, int population, List<String> townships, List<String> relocationSites) {

        /** The county's human-resources and social-security office, which records training and placements. */
        public String hrOffice() {
            return name + "人社局";
        }

        /** A county department, e.g. {@code 住建局} → {@code 江达县住建局}. */
        public String office(String department) {
            return name + department;
        }
    }

    /**
     * Resident population, 2020 census (第七次全国人口普查, 1 November 2020). 察雅县 and 左贡县 are the census figures;
     * the city total is 760,966; the other nine are rounded estimates that sum to the total (README: "County weights").
     */
    static final Map<String, Integer> POPULATION = Map.ofEntries(
            Map.entry("540302", 140_000), Map.entry("540321", 92_000), Map.entry("540322", 50_000),
            Map.entry("540323", 60_000), Map.entry("540324", 88_000), Map.entry("540325", 57_065),
            Map.entry("540326", 42_000), Map.entry("540327", 46_608), Map.entry("540328", 90_000),
            Map.entry("540329", 55_000), Map.entry("540330", 40_293));

    private static final Map<String, List<String>> TOWNSHIPS = Map.ofEntries(
            Map.entry("540302", List.of("城关镇", "俄洛镇", "卡若镇", "芒达乡", "沙贡乡", "如意乡", "日通乡", "埃西乡")),
            Map.entry("540321", List.of("江达镇", "岗托镇", "邓柯乡", "生达乡", "娘西乡", "字嘎乡", "同普乡", "波罗乡")),
            Map.entry("540322", List.of("莫洛镇", "相皮乡", "哈加乡", "雄松乡", "拉妥乡", "阿旺乡", "木协乡", "罗麦乡")),
            Map.entry("540323", List.of("桑多镇", "类乌齐镇", "卡玛多乡", "吉多乡", "滨达乡", "岗色乡", "尚卡乡", "伊日乡")),
            Map.entry("540324", List.of("丁青镇", "尺牍镇", "沙贡乡", "当堆乡", "桑多乡", "木塔乡", "布塔乡", "协雄乡")),
            Map.entry("540325", List.of("烟多镇", "吉塘镇", "香堆镇", "宗沙乡", "肯通乡", "扩达乡", "新卡乡", "王卡乡")),
            Map.entry("540326", List.of("白马镇", "然乌镇", "邦达镇", "同卡镇", "郭庆乡", "拉根乡", "益庆乡", "吉达乡")),
            Map.entry("540327", List.of("旺达镇", "田妥镇", "扎玉镇", "东坝乡", "仁果乡", "绕金乡", "碧土乡", "美玉乡")),
            Map.entry("540328", List.of("嘎托镇", "如美镇", "索多西乡", "莽岭乡", "宗西乡", "昂多乡", "措瓦乡", "木许乡")),
            Map.entry("540329", List.of("孜托镇", "硕督镇", "康沙镇", "马利镇", "玉西乡", "腊久乡", "俄西乡", "中亦乡")),
            Map.entry("540330", List.of("草卡镇", "边坝镇", "沙丁乡", "金岭乡", "加贡乡", "马武乡", "热玉乡", "都瓦乡")));

    /** Every county, by code (Counties.CHANGDU is an unordered map: the order here is what makes runs repeatable). */
    public static final List<County> COUNTIES = Counties.CHANGDU.keySet().stream().sorted().map(Geography::county).toList();

    private static final int TOTAL_POPULATION = COUNTIES.stream().mapToInt(County::population).sum();

    private Geography() {
    }

    private static County county(String code) {
        String name = Counties.CHANGDU.get(code);
        List<String> townships = TOWNSHIPS.get(code);
        // the county seat and one or two large townships have a relocation site (集中安置点)
        List<String> sites = (POPULATION.get(code) > 80_000 ? townships.subList(0, 3) : townships.subList(0, 2)).stream()
                .map(t -> name + t + "易地扶贫搬迁安置点").toList();
        return new County(code, name, POPULATION.get(code), townships, sites);
    }

    public static County byCode(String code) {
        return COUNTIES.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a county of Changdu: " + code));
    }

    /** A county drawn by population. */
    public static County pick(SplittableRandom random) {
        int n = random.nextInt(TOTAL_POPULATION);
        for (County county : COUNTIES) {
            n -= county.population();
            if (n < 0) {
                return county;
            }
        }
        throw new AssertionError();
    }

    /** The county's share of the city's population. */
    public static double weight(County county) {
        return (double) county.population() / TOTAL_POPULATION;
    }
}
