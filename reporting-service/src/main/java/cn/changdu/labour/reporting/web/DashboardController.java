package cn.changdu.labour.reporting.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.reporting.indicators.Dashboard;
import cn.changdu.labour.reporting.indicators.TargetFile;
import cn.changdu.labour.reporting.indicators.Targets;
import cn.changdu.labour.support.web.InvalidInput;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/reports")
public class DashboardController {

    private final Dashboard dashboard;
    private final Targets targets;
    private final TargetFile targetFile;

    public DashboardController(Dashboard dashboard, Targets targets, TargetFile targetFile) {
        this.dashboard = dashboard;
        this.targets = targets;
        this.targetFile = targetFile;
    }

    @Operation(summary = "Every indicator against its target with its four-colour status: city, counties, departments, quarters")
    @GetMapping("/dashboard")
    public Dashboard.View dashboard(@RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(required = false) Instant recordedBefore) {
        return dashboard.view(year, asOf, recordedBefore);
    }

    @Operation(summary = "The targets of a year (city, county and department), with version and who set them")
    @GetMapping("/targets")
    public List<Targets.Target> targets(@RequestParam(required = false) Integer year) {
        return targets.all(year != null ? year : dashboard.planYear());
    }

    @Operation(summary = "Every change of the targets of a year, newest first")
    @GetMapping("/targets/history")
    public List<Document> history(@RequestParam(required = false) Integer year) {
        return targets.history(year != null ? year : dashboard.planYear());
    }

    @Operation(summary = "Load targets from a CSV file (year,indicator,area,value): all lines or none")
    @PostMapping(path = "/targets/import", consumes = "multipart/form-data")
    public List<Targets.Target> importTargets(@RequestParam("file") MultipartFile file,
                                              Actor actor) throws java.io.IOException {
        return targets.change(targetFile.parse(new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)), actor);
    }

    @Operation(summary = "Set or change targets; name the version you read as expectedVersion (409 if it moved on)")
    @PutMapping("/targets")
    public List<Targets.Target> change(@RequestBody List<Targets.Change> changes, Actor actor) {
        for (int i = 0; i < changes.size(); i++) {
            Targets.Change c = changes.get(i);
            int index = i;
            Targets.refusal(c.year(), c.indicator(), c.area(), c.value()).ifPresent(refused -> {
                throw new InvalidInput("[" + index + "]." + refused.field(), refused.rule(), refused.message());
            });
        }
        return targets.change(changes, actor);
    }
}
