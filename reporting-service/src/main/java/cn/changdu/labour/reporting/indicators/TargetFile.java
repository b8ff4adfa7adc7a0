package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Targets from a CSV file ({@code year,indicator,area,value}, a header line, UTF-8): the per-county and
 * per-department splits of the plan's attachments. Loaded at start-up from {@code platform.targets.file} when set
 * (only rows whose value differs are recorded, as changes by the file), or uploaded through the API.
 */
@Component
public class TargetFile {

    private static final Logger log = LoggerFactory.getLogger(TargetFile.class);

    /** A bad line of the file: its number, the column, the rule it breaks and what is wrong. */
    public record LineError(int line, String field, String rule, String message) {
    }

    /** The file has bad lines; nothing was recorded. */
    public static class Refused extends RuntimeException {
        private final List<LineError> errors;

        Refused(List<LineError> errors) {
            super(errors.size() + " 行有误，未导入任何目标");
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }
    }

    private final Targets targets;
    private final String file;

    public TargetFile(Targets targets, @Value("${platform.targets.file:}") String file) {
        this.targets = targets;
        this.file = file;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadConfiguredFile() throws IOException {
        if (file.isBlank()) {
            return;
        }
        List<Targets.Change> changes = parse(Files.readString(Path.of(file), StandardCharsets.UTF_8)).stream()
                .filter(c -> !targets.target(c.year(), c.indicator(), c.area()).map(v -> v.compareTo(c.value()) == 0).orElse(false))
                .toList();
        targets.change(changes, new Actor("file:" + Path.of(file).getFileName(), "platform"));
        log.info("targets file {}: {} targets changed", file, changes.size());
    }

    private static final String HEADER = "year,indicator,area,value";

    /** Reads every line; refuses the whole file if any line is bad. */
    public List<Targets.Change> parse(String csv) {
        List<Targets.Change> changes = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        String[] lines = csv.replace("\uFEFF", "").split("\\r?\\n");
        // a file that is not a targets file (a spreadsheet, a PDF, an empty one) is refused as a whole
        if (!lines[0].strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new Refused(List.of(new LineError(1, "file", "header", "第一行须为列名 " + HEADER + "（UTF-8 CSV）")));
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            int line = i + 1;
            if (cells.length != 4) {
                errors.add(new LineError(line, null, "four-columns", "须为 4 列：year,indicator,area,value"));
                continue;
            }
            String indicator = cells[1].strip();
            String area = cells[2].strip();
            int year;
            BigDecimal value;
            try {
                year = Integer.parseInt(cells[0].strip());
            } catch (NumberFormatException e) {
                errors.add(new LineError(line, "year", "type", "年份须为整数"));
                continue;
            }
            try {
                value = new BigDecimal(cells[3].strip());
            } catch (NumberFormatException e) {
                errors.add(new LineError(line, "value", "type", "目标值须为数字"));
                continue;
            }
            Optional<Targets.Refusal> refusal = Targets.refusal(year, indicator, area, value);
            if (refusal.isPresent()) {
                errors.add(new LineError(line, refusal.get().field(), refusal.get().rule(), refusal.get().message()));
            } else {
                changes.add(new Targets.Change(year, indicator, area, value, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        if (changes.isEmpty()) {
            throw new Refused(List.of(new LineError(1, "file", "no-targets", "文件中没有目标行")));
        }
        return changes;
    }
}
