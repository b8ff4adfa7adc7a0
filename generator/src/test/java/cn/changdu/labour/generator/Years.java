package cn.changdu.labour.generator;

import cn.changdu.labour.generator.files.FileFormat;
import cn.changdu.labour.generator.load.Request;
import cn.changdu.labour.generator.load.Requests;
import cn.changdu.labour.generator.model.Scale;
import cn.changdu.labour.generator.model.Year;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated years the tests share (each made once per JVM). */
public final class Years {

    public static final LocalDate DEMO_UNTIL = LocalDate.of(2020, 10, 19);
    private static final Map<String, Year> YEARS = new ConcurrentHashMap<>();
    private static final Map<String, List<Request>> REQUESTS = new ConcurrentHashMap<>();

    private Years() {
    }

    public static Year year(double scale, long seed, LocalDate until) {
        return YEARS.computeIfAbsent(scale + "/" + seed + "/" + until, k -> Year.generate(new Scale(scale, until, seed)));
    }

    /** The year's requests (files in each county's own format). */
    public static List<Request> requests(double scale, long seed, LocalDate until) {
        return REQUESTS.computeIfAbsent(scale + "/" + seed + "/" + until,
                k -> new Requests(year(scale, seed, until), FileFormat.MIXED, null).stream().toList());
    }
}
