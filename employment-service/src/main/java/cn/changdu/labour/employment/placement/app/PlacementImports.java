package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.contracts.employment.OrganisedBy;
import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.employment.placement.api.PlaceWorkerCommand;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.employment.placement.model.PlacementRules;
import cn.changdu.labour.employment.placement.query.PlacementQueries;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowBinder;
import cn.changdu.labour.support.imports.RowImport;
import cn.changdu.labour.support.commands.DomainCommands;
import cn.changdu.labour.support.web.ValidResidentId;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.changdu.labour.kernel.Text.blankToNull;

/**
 * Bulk import of a placement roster (XLSX or CSV; zh or en column titles; channel, destination and organiser as
 * codes or Chinese labels). Every row is checked before anything is sent: format, the placement's own rules, one
 * active placement per person (read model, and no person twice in the file), recognised intermediaries and
 * registered households. Rows are then sent one command each (each person is their own record). Residual race: a
 * placement recorded for the same person by someone else between the check and the send refuses that row at
 * send time; it is reported and the rows before it stay recorded.
 */
@Service
public class PlacementImports {

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
            @Pattern(regexp = "^1\\d{10}$", message = "须为11位手机号") String phone) {
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

    private final DomainCommands commands;
    private final PersonKeys personKeys;
    private final PlacementQueries placements;
    private final NamedRecordsReader namedRecords;
    private final RowBinder<PlacementRow> binder;

    public PlacementImports(DomainCommands commands, PersonKeys personKeys, PlacementQueries placements,
                            NamedRecordsReader namedRecords, Validator validator,
                            ObjectMapper objectMapper) {
        this.commands = commands;
        this.personKeys = personKeys;
        this.placements = placements;
        this.namedRecords = namedRecords;
        this.binder = new RowBinder<>(PlacementRow.class, COLUMNS, validator, objectMapper);
    }

    /** Checks every row of the file; records its good rows if all are good, or if {@code partial}. */
    public ImportReport importRoster(MultipartFile file, boolean partial, Instant occurredAt, Actor actor)
            throws IOException {
        RowImport<PlacementRow> rows = RowImport.read(file, binder, Set.of("name", "residentId", "countyCode", "channel",
                "destination", "employer", "startDate"));
        Map<Integer, PlaceWorkerCommand> byRow = new HashMap<>();
        rows.valid().forEach(bound -> byRow.put(bound.row(), command(bound.value())));
        // what the checks need from the read models is read once for the whole file, not once per row
        Set<String> placedPeople = placements.activelyPlaced(byRow.values().stream().map(PlaceWorkerCommand::personKey)
                .toList());
        PlacementRules.NamedRecords named = namedRecords.of(byRow.values().stream()
                .map(PlaceWorkerCommand::details).toList());
        List<RowImport.Checked<PlaceWorkerCommand>> good = rows.check(bound -> {
            PlaceWorkerCommand command = byRow.get(bound.row());
            PlacementRules.check(command.channel(), command.destination(), command.expectedMonthlyIncome(),
                    command.details());
            PlacementRules.checkNamedRecords(command.channel(), command.details(), named);
            PlacementRules.requireNoActivePlacement(placedPeople.contains(command.personKey()),
                    rows.earlierRowOf(command.personKey(), bound.row()) != null);
            return command;
        });
        // each placement is its own aggregate: one command per row
        return commands.onFileOnce(() -> rows.applyEach(good, partial, command -> commands.send(command, actor, occurredAt)));
    }

    private PlaceWorkerCommand command(PlacementRow row) {
        ResidentId residentId = new ResidentId(row.residentId());
        PlacementDetails details = new PlacementDetails(
                row.organisedBy() == null ? null : OrganisedBy.valueOf(code(row.organisedBy())),
                blankToNull(row.destinationProvince()), blankToNull(row.intermediaryId()), blankToNull(row.trainingClassId()),
                blankToNull(row.projectId()), blankToNull(row.householdId()), blankToNull(row.jobFairId()), blankToNull(row.township()),
                blankToNull(row.phone()));
        return new PlaceWorkerCommand(personKeys.keyOf(residentId), UUID.randomUUID().toString(), row.name().strip(),
                residentId.value(), row.countyCode(), TransferChannel.valueOf(code(row.channel())),
                Destination.valueOf(code(row.destination())), row.employer().strip(), row.startDate(),
                row.expectedMonthlyIncome(), details);
    }

    private static String code(String labelOrCode) {
        return LABELS.getOrDefault(labelOrCode.strip(), labelOrCode.strip());
    }
}
