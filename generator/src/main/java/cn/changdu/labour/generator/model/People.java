package cn.changdu.labour.generator.model;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.generator.model.Geography.County;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes people: Tibetan or Chinese names, a resident ID (GB 11643-1999) of their county with a working-age birth
 * date and a sequence number whose parity is their sex, a mobile number. Every resident ID is unique in a year,
 * and every one is checked by the project's own {@link ResidentId}.
 */
public final class People {

    /** A person as the counties record them. {@code township} is null for people from outside Changdu. */
    public record Person(String name, String residentId, String phone, String countyCode, String township) {
    }

    private static final String ID_CHECK = "10X98765432";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final List<String> MALE_FIRST = List.of("扎西", "次仁", "尼玛", "达瓦", "索朗", "旦增", "洛桑", "格桑",
            "普布", "拉巴", "边巴", "阿旺", "土登", "强巴", "巴桑", "次旦", "平措", "嘎玛", "罗布", "群培", "贡布", "加措", "桑珠",
            "仁增", "益西", "泽仁", "多吉", "顿珠", "贡嘎", "晋美");
    private static final List<String> MALE_SECOND = List.of("多吉", "旺堆", "次仁", "平措", "顿珠", "扎西", "罗布", "群培",
            "丹增", "加措", "桑珠", "贡布", "尼玛", "达瓦", "伦珠", "旺杰", "曲扎", "江村", "列珠", "晋美");
    private static final List<String> FEMALE_FIRST = List.of("次仁", "格桑", "达瓦", "尼玛", "白玛", "央金", "德吉", "益西",
            "拉巴", "普布", "边巴", "索朗", "曲珍", "卓嘎", "次旦", "巴桑", "仁青", "斯朗", "扎西", "美朗");
    private static final List<String> FEMALE_SECOND = List.of("卓玛", "拉姆", "央宗", "卓嘎", "措姆", "曲珍", "央金", "旺姆",
            "德吉", "玉珍", "次珍", "白珍", "普赤", "桑姆", "措吉", "仓决");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐",
            "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "邓", "唐", "蒋", "曾");
    private static final List<String> MALE_GIVEN = List.of("伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平",
            "建国", "志强", "海军", "国平", "小龙", "文斌", "德明", "永刚", "红军");
    private static final List<String> FEMALE_GIVEN = List.of("芳", "娜", "敏", "静", "丽", "艳", "娟", "秀英", "桂英", "玉兰",
            "小红", "春梅", "海燕", "丽华", "雪梅", "晓燕");
    /** Mobile prefixes (after the leading 1) of the operators in Tibet. */
    private static final List<String> PHONE_PREFIXES = List.of("39", "38", "36", "89", "80", "33", "78", "58", "98", "73");
    /** Where workers from outside Changdu come from (GB/T 2260): Sichuan's Ganzi, Chengdu, Chongqing, Yunnan, Qinghai, Lhasa. */
    static final List<String> OUTSIDE_REGIONS = List.of("513325", "513322", "513301", "510112", "500101", "532901",
            "533401", "620102", "630102", "540102");

    private final Set<Long> usedIds = new HashSet<>();

    /** A person living in {@code county}: Tibetan names for most, as in Changdu. */
    public Person local(County county, SplittableRandom random, double maleShare) {
        boolean male = random.nextDouble() < maleShare;
        String name = random.nextDouble() < 0.93 ? tibetanName(male, random) : chineseName(male, random);
        String township = county.townships().get(random.nextInt(county.townships().size()));
        return new Person(name, residentId(county.code(), male, random), phone(random), county.code(), township);
    }

    /** A worker registered outside Changdu (a project's workers from elsewhere): mostly Chinese names. */
    public Person outsider(SplittableRandom random) {
        boolean male = random.nextDouble() < 0.9;
        String region = OUTSIDE_REGIONS.get(random.nextInt(OUTSIDE_REGIONS.size()));
        String name = region.startsWith("5133") || region.startsWith("54") && random.nextBoolean()
                ? tibetanName(male, random) : chineseName(male, random);
        return new Person(name, residentId(region, male, random), phone(random), region, null);
    }

    private static String tibetanName(boolean male, SplittableRandom random) {
        List<String> first = male ? MALE_FIRST : FEMALE_FIRST;
        List<String> second = male ? MALE_SECOND : FEMALE_SECOND;
        String a = first.get(random.nextInt(first.size()));
        String b = second.get(random.nextInt(second.size()));
        return a.equals(b) ? a : a + b;
    }

    private static String chineseName(boolean male, SplittableRandom random) {
        List<String> given = male ? MALE_GIVEN : FEMALE_GIVEN;
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + given.get(random.nextInt(given.size()));
    }

    private static String phone(SplittableRandom random) {
        return "1" + PHONE_PREFIXES.get(random.nextInt(PHONE_PREFIXES.size()))
                + String.format("%08d", random.nextInt(100_000_000));
    }

    /**
     * A new resident ID of the region: born between 1962 and 2001 (18 to 58 in 2020, most of them young), a sequence
     * whose parity is the sex (odd = male), the MOD 11-2 check character.
     */
    private String residentId(String region, boolean male, SplittableRandom random) {
        while (true) {
            // ages 18–58, skewed young: the working-age people the plan trains and places
            int age = 18 + (int) Math.min(40, Math.abs(random.nextDouble() + random.nextDouble() - 1) * 40
                    + random.nextInt(6));
            LocalDate birth = LocalDate.of(2019 - age, 1, 1).plusDays(random.nextInt(365));
            int sequence = 2 * random.nextInt(499) + (male ? 1 : 2);
            String body = region + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), sequence);
            if (usedIds.add(Long.parseLong(body))) {
                String id = body + checkCharacter(body);
                // the project's own rules decide what a valid ID is
                return new ResidentId(id).value();
            }
        }
    }

    /** A valid resident ID of the 17-digit body (its MOD 11-2 check character appended). */
    public static String withCheckCharacter(String body) {
        return new ResidentId(body + checkCharacter(body)).value();
    }

    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** The same ID with a wrong check character: a typing error a roster file may hold (and the service refuses). */
    public static String mistyped(String residentId) {
        char right = residentId.charAt(17);
        char wrong = right == '0' ? '1' : (char) (right == 'X' ? '7' : right == '9' ? '0' : right + 1);
        return residentId.substring(0, 17) + wrong;
    }
}
