package cn.changdu.labour.employment.placement.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.app.PlacementImports;
import cn.changdu.labour.employment.placement.app.Placements;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowBinders;
import cn.changdu.labour.support.web.ImportJobs;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.web.ValidResidentId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static cn.changdu.labour.kernel.Text.blankToNull;

/**
 * Bulk import of a placement roster (XLSX or CSV; zh or en column titles; channel, destination and organiser as
 * codes or Chinese labels): the file's format is read and bound here, the rows are checked and recorded by
 * {@link PlacementImports}.
 */
@RestController
@RequestMapping("/api/employment/placements")
public class PlacementImportController {

    public record PlacementRow(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @ValidResidentId String residentId,
            @NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
            @NotBlank @Pattern(regexp = CHANNELS, message = "须为五个转移就业渠道之一") String channel,
            @NotBlank @Pattern(regexp = DESTINATIONS, message = "须为 县内、区内 或 区外") String destination,
            @NotBlank @Size(max = 100) String employer,
            @NotNull LocalDate startDate,
            @Positive @Digits(integer = 9, fraction = 2) BigDecimal expectedMonthlyIncome,
            @Pattern(regexp = ORGANISERS, message = "须为 政府组织、劳动力市场主体、务工联队 或 自主就业") String organisedBy,
            @Size(max = 20) String destinationProvince,
            @Size(max = 64) String intermediaryId,
            @Size(max = 64) String trainingClassId,
            @Size(max = 64) String projectId,
            @Size(max = 64) String householdId,
            @Size(max = 64) String jobFairId,
            @Size(max = 50) String township,
            @Pattern(regexp = "^1\\d{10}$", message = "须为11位手机号") String phone) implements PlacementImports.Row {

        @Override
        public Placements.NewPlacement placement() {
            PlacementDetails details = new PlacementDetails(
                    organisedBy == null ? null : OrganisedBy.valueOf(code(organisedBy)),
                    blankToNull(destinationProvince), blankToNull(intermediaryId), blankToNull(trainingClassId),
                    blankToNull(projectId), blankToNull(householdId), blankToNull(jobFairId), blankToNull(township),
                    blankToNull(phone));
            return new Placements.NewPlacement(name, residentId, countyCode, TransferChannel.valueOf(code(channel)),
                    Destination.valueOf(code(destination)), employer.strip(), startDate, expectedMonthlyIncome, details);
        }
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("组织化区外劳务协作", "ORGANISED_OUT_OF_REGION"), Map.entry("区外劳务协作", "ORGANISED_OUT_OF_REGION"),
            Map.entry("工程项目带动", "CONSTRUCTION_PROJECT"), Map.entry("工程项目", "CONSTRUCTION_PROJECT"),
            Map.entry("产业吸纳", "LOCAL_INDUSTRY"), Map.entry("社会力量", "SOCIAL_FORCES"),
            Map.entry("非公企业", "PRIVATE_ENTERPRISE"),
            Map.entry("县内", "IN_COUNTY"), Map.entry("区内", "IN_TIBET"), Map.entry("区外", "OUT_OF_REGION"),
            Map.entry("政府组织", "GOVERNMENT"), Map.entry("劳动力市场主体", "LABOUR_MARKET_BODY"),
            Map.entry("务工联队", "WORK_TEAM"), Map.entry("自主就业", "SELF"));
    static final String CHANNELS = "ORGANISED_OUT_OF_REGION|CONSTRUCTION_PROJECT|LOCAL_INDUSTRY|SOCIAL_FORCES|"
            + "PRIVATE_ENTERPRISE|组织化区外劳务协作|区外劳务协作|工程项目带动|工程项目|产业吸纳|社会力量|非公企业";
    static final String DESTINATIONS = "IN_COUNTY|IN_TIBET|OUT_OF_REGION|县内|区内|区外";
    static final String ORGANISERS = "GOVERNMENT|LABOUR_MARKET_BODY|WORK_TEAM|SELF|政府组织|劳动力市场主体|务工联队|自主就业";

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("姓名", "name"), Map.entry("name", "name"),
            Map.entry("身份证号", "residentId"), Map.entry("身份证号码", "residentId"), Map.entry("residentId", "residentId"),
            Map.entry("户籍县区代码", "countyCode"), Map.entry("县区代码", "countyCode"), Map.entry("countyCode", "countyCode"),
            Map.entry("转移渠道", "channel"), Map.entry("渠道", "channel"), Map.entry("channel", "channel"),
            Map.entry("就业地域", "destination"), Map.entry("destination", "destination"),
            Map.entry("用工单位", "employer"), Map.entry("employer", "employer"),
            Map.entry("就业日期", "startDate"), Map.entry("startDate", "startDate"),
            Map.entry("预期月收入", "expectedMonthlyIncome"), Map.entry("月收入", "expectedMonthlyIncome"),
            Map.entry("expectedMonthlyIncome", "expectedMonthlyIncome"),
            Map.entry("组织方式", "organisedBy"), Map.entry("organisedBy", "organisedBy"),
            Map.entry("就业省份", "destinationProvince"), Map.entry("destinationProvince", "destinationProvince"),
            Map.entry("中介机构编号", "intermediaryId"), Map.entry("intermediaryId", "intermediaryId"),
            Map.entry("培训班编号", "trainingClassId"), Map.entry("trainingClassId", "trainingClassId"),
            Map.entry("项目编号", "projectId"), Map.entry("projectId", "projectId"),
            Map.entry("搬迁户编号", "householdId"), Map.entry("householdId", "householdId"),
            Map.entry("招聘活动编号", "jobFairId"), Map.entry("jobFairId", "jobFairId"),
            Map.entry("乡镇", "township"), Map.entry("township", "township"),
            Map.entry("手机号", "phone"), Map.entry("联系电话", "phone"), Map.entry("phone", "phone"));

    private final PlacementImports imports;
    private final RowBinder<PlacementRow> binder;
    private final ImportJobs jobs;

    public PlacementImportController(PlacementImports imports, RowBinders rowBinders, ImportJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
        this.binder = rowBinders.of(PlacementRow.class, COLUMNS);
    }

    @Operation(summary = "Import a placement roster (XLSX or CSV): every row checked; nothing recorded unless all rows "
            + "are good or partial=true")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importRoster(@RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean partial,
                                          @RequestParam(required = false) Instant occurredAt,
                                          @RequestParam(defaultValue = "false") boolean job, Actor actor)
            throws IOException {
        RowImport<PlacementRow> rows = RowImport.read(file, binder, Set.of("name", "residentId", "countyCode", "channel",
                "destination", "employer", "startDate"));
        return jobs.answer(rows, job, actor, () -> imports.importRoster(rows, partial, occurredAt, actor));
    }

    private static String code(String labelOrCode) {
        return LABELS.getOrDefault(labelOrCode.strip(), labelOrCode.strip());
    }
}
