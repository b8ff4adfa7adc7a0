package cn.changdu.labour.generator.load;

import cn.changdu.labour.contracts.person.ResidentId;
import cn.changdu.labour.generator.Years;
import cn.changdu.labour.generator.files.FileFormat;
import cn.changdu.labour.generator.files.ImportFile;
import cn.changdu.labour.generator.model.Scale;
import cn.changdu.labour.generator.model.Year;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The request stream: repeatable, in business-time order, never after --until, ids created before they are used. */
class RequestStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields that say when something happened: none may lie after the request's own business time. */
    private static final Set<String> EVENT_DATES = Set.of("inspectedOn", "verifiedOn", "endedOn", "paidOn", "filedOn",
            "registeredOn", "heldOn", "publishedOn", "leftOn", "resolvedOn", "submittedOn", "recognisedOn", "suspendedOn",
            "filledOn", "withdrawnOn", "closedOn", "date");
    private static final Pattern ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");

    private final List<Request> demo = Years.requests(0.01, 7, Years.DEMO_UNTIL);

    @Test
    void the_same_seed_makes_the_same_requests_byte_for_byte_and_another_seed_others() {
        String first = digest(new Requests(Year.generate(new Scale(0.01, Years.DEMO_UNTIL, 7)), FileFormat.MIXED, null).stream().iterator());
        String again = digest(new Requests(Year.generate(new Scale(0.01, Years.DEMO_UNTIL, 7)), FileFormat.MIXED, null).stream().iterator());
        String other = digest(new Requests(Year.generate(new Scale(0.01, Years.DEMO_UNTIL, 8)), FileFormat.MIXED, null).stream().iterator());
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void requests_run_in_business_time_within_the_year_and_never_after_until() {
        Instant start = LocalDate.of(2020, 1, 1).atStartOfDay().toInstant(Requests.BEIJING);
        Instant end = Years.DEMO_UNTIL.plusDays(1).atStartOfDay().toInstant(Requests.BEIJING);
        Instant previous = start;
        for (Request r : demo) {
            assertThat(r.at()).as(r.canonical()).isAfterOrEqualTo(previous).isBefore(end);
            previous = r.at();
            if (r.body() instanceof Request.Json json) {
                JsonNode body = parse(json.text());
                if (body.has("occurredAt")) {
                    assertThat(body.get("occurredAt").asText()).isEqualTo(r.at().toString());
                }
                LocalDate day = r.at().atOffset(Requests.BEIJING).toLocalDate();
                body.fields().forEachRemaining(f -> {
                    if (EVENT_DATES.contains(f.getKey())) {
                        assertThat(LocalDate.parse(f.getValue().asText())).as(r.canonical()).isBeforeOrEqualTo(day)
                                .isAfterOrEqualTo(LocalDate.of(2020, 1, 1));
                    }
                });
            }
        }
        assertThat(demo).extracting(Request::seq).doesNotHaveDuplicates();
    }

    @Test
    void every_id_is_created_by_an_earlier_request_and_once() {
        Set<String> created = new HashSet<>();
        for (Request r : demo) {
            for (String ref : r.uses()) {
                assertThat(created).as("%s needs %s", r.canonical(), ref).contains(ref);
            }
            if (r.creates() != null) {
                assertThat(created.add(r.creates().ref())).as("created twice: " + r.creates().ref()).isTrue();
            }
        }
        assertThat(created).anyMatch(ref -> ref.startsWith("class/")).anyMatch(ref -> ref.startsWith("project/"))
                .anyMatch(ref -> ref.startsWith("placement/")).anyMatch(ref -> ref.startsWith("household/"));
    }

    @Test
    void every_resident_id_sent_is_valid_by_the_projects_own_rules() {
        int checked = 0;
        for (Request r : demo) {
            String text = r.path() + (r.body() instanceof Request.Json json ? json.text() : "");
            if (r.body() instanceof Request.Upload upload) {
                // the corrected file: the true rows
                text += String.join("\n", upload.file().rows().stream().map(row -> String.join(",", row)).toList());
            }
            Matcher m = ID.matcher(text);
            while (m.find()) {
                assertThat(ResidentId.validate(m.group())).as(m.group() + " in " + r.canonical()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void about_one_percent_of_import_rows_are_bad_and_each_names_its_row() {
        List<Request> year = Years.requests(0.05, 7, LocalDate.of(2020, 12, 31));
        long rows = 0;
        long bad = 0;
        Set<String> kinds = new HashSet<>();
        for (Request r : year) {
            // each file once: as first sent (a file without bad rows is sent once, as it is)
            if (r.body() instanceof Request.Upload upload && (!upload.corrected() || upload.file().badRows().isEmpty())) {
                ImportFile file = upload.file();
                rows += file.originalRows();
                bad += file.badRows().size();
                file.badRows().forEach(b -> kinds.add(b.kind()));
                assertThat(r.expect()).isEqualTo(file.badRows().isEmpty() ? new Request.Imported()
                        : new Request.RowErrors(file.badRowNumbers()));
                assertThat(file.badRowNumbers()).doesNotHaveDuplicates().allMatch(n -> n >= 2 && n <= file.originalRows() + 1);
            }
        }
        assertThat(rows).isGreaterThan(5_000);
        assertThat((double) bad / rows).isBetween(0.006, 0.014);
        assertThat(kinds).contains("resident-id-check-digit", "listed-twice", "not-on-roster", "date-invalid");
    }

    private static String digest(Iterator<Request> requests) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            requests.forEachRemaining(r -> sha.update((r.canonical() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
