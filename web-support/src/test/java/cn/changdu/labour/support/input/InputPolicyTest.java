package cn.changdu.labour.support.input;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The input policy on request bodies: unknown fields, no coercion, text normalised, every refusal naming its field. */
@SpringBootTest(classes = InputPolicyTest.App.class)
@AutoConfigureMockMvc
class InputPolicyTest {

    @Configuration
    @EnableAutoConfiguration
    @Import(Echo.class)
    static class App {
    }

    record Line(int days, BigDecimal amount) {
    }

    record Filing(@NotBlank @Size(max = 50) String name, Integer size, boolean active, LocalDate on,
                  Instant occurredAt, @MultiLineText String remarks, List<@Valid Line> lines,
                  @PlannedDate LocalDate plannedStart, YearMonth period) {
    }

    @RestController
    static class Echo {
        @PostMapping("/filings")
        Filing file(@Valid @RequestBody Filing filing) {
            return filing;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void a_good_body_passes_with_its_text_normalised() throws Exception {
        post("{\"name\":\"  e\\u0301\\u200b次仁 \",\"size\":30,\"active\":true,\"on\":\"2020-04-01\","
                + "\"occurredAt\":\"2020-04-01T10:00:00+08:00\",\"remarks\":\"一行\\r\\n二行\","
                + "\"lines\":[{\"days\":3,\"amount\":12.5}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("\u00e9次仁"))
                .andExpect(jsonPath("$.remarks").value("一行\n二行"))
                .andExpect(jsonPath("$.occurredAt").value("2020-04-01T02:00:00Z"));
    }

    @Test
    void an_unknown_field_is_refused_by_name() throws Exception {
        refused("{\"name\":\"a\",\"lines\":[{\"days\":1,\"colour\":\"x\"}]}", "lines[0].colour", "unknown-field");
        refused("{\"name\":\"a\",\"junk\":\"" + "x".repeat(100_000) + "\"}", "junk", "unknown-field");
    }

    @Test
    void no_value_is_coerced() throws Exception {
        refused("{\"name\":\"a\",\"size\":\"30\"}", "size", "type");
        refused("{\"name\":\"a\",\"size\":30.5}", "size", "type");
        refused("{\"name\":\"a\",\"active\":\"true\"}", "active", "type");
        refused("{\"name\":\"a\",\"active\":1}", "active", "type");
        refused("{\"name\":\"a\",\"on\":\"2020-04-01T00:00:00\"}", "on", "type");
        refused("{\"name\":\"a\",\"on\":\"2020-02-30\"}", "on", "type");
        refused("{\"name\":\"a\",\"occurredAt\":1585699200}", "occurredAt", "type");
        refused("{\"name\":30}", "name", "type");
        refused("{\"name\":\"a\",\"lines\":[{\"days\":\"3\"}]}", "lines[0].days", "type");
    }

    @Test
    void money_is_a_number_or_a_decimal_string_with_at_most_two_decimals() throws Exception {
        post("{\"name\":\"a\",\"lines\":[{\"days\":1,\"amount\":\"2400.00\"},{\"days\":1,\"amount\":2400.5}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].amount").value(2400.00));
        refused("{\"name\":\"a\",\"lines\":[{\"days\":1,\"amount\":\"1.234\"}]}", "lines[0].amount", "money-scale");
        refused("{\"name\":\"a\",\"lines\":[{\"days\":1,\"amount\":1e3}]}", "lines[0].amount", "type");
        refused("{\"name\":\"a\",\"lines\":[{\"days\":1,\"amount\":\" 12\"}]}", "lines[0].amount", "type");
        refused("{\"name\":\"a\",\"lines\":[{\"days\":1,\"amount\":\"1000000000\"}]}", "lines[0].amount",
                "money-max");
        refused("{\"name\":\"a\",\"lines\":[{\"days\":1,\"amount\":true}]}", "lines[0].amount", "type");
    }

    @Test
    void business_dates_lie_between_2016_and_today_and_planned_ones_may_lie_ahead() throws Exception {
        LocalDate tomorrow = cn.changdu.labour.kernel.BusinessTime.dateOf(Instant.now()).plusDays(1);
        refused("{\"name\":\"a\",\"on\":\"1900-01-01\"}", "on", "date-range");
        refused("{\"name\":\"a\",\"on\":\"" + tomorrow + "\"}", "on", "not-in-future");
        refused("{\"name\":\"a\",\"occurredAt\":\"1800-01-01T00:00:00Z\"}", "occurredAt", "date-range");
        refused("{\"name\":\"a\",\"occurredAt\":\"" + tomorrow.plusDays(1) + "T00:00:00Z\"}", "occurredAt",
                "not-in-future");
        refused("{\"name\":\"a\",\"period\":\"2015-12\"}", "period", "date-range");
        refused("{\"name\":\"a\",\"period\":\"" + YearMonth.from(tomorrow).plusMonths(1) + "\"}", "period",
                "not-in-future");
        refused("{\"name\":\"a\",\"plannedStart\":\"2040-01-01\"}", "plannedStart", "date-range");
        post("{\"name\":\"a\",\"plannedStart\":\"" + tomorrow + "\",\"on\":\"2016-01-01\"}")
                .andExpect(status().isOk());
    }

    @Test
    void control_characters_are_refused_and_invisible_ones_removed() throws Exception {
        refused("{\"name\":\"次\\u0000仁\"}", "name", "control-characters");
        refused("{\"name\":\"次\\r\\n仁\"}", "name", "control-characters");
        refused("{\"name\":\"a\",\"remarks\":\"x\\u0007\"}", "remarks", "control-characters");
        refused("{\"name\":\"\\u200b\\u200d\\ufeff \"}", "name", "blank");
        refused("{\"name\":\"a\",\"remarks\":\" \\u200b\"}", "remarks", "blank");
        refused("{\"name\":\"a\",\"remarks\":\"" + "长".repeat(TextPolicy.MAX_LENGTH + 1) + "\"}", "remarks",
                "max-length");
    }

    @Test
    void a_list_of_more_than_10000_items_is_refused_before_its_items_are_checked() throws Exception {
        String lines = String.join(",", java.util.Collections.nCopies(StrictJson.MAX_ITEMS + 1, "{\"days\":1}"));
        refused("{\"name\":\"a\",\"lines\":[" + lines + "]}", "lines", "max-items");
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_is_read() throws Exception {
        post("{\"name\":\"a\",\"remarks\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].rule").value("max-body-size"));
    }

    private ResultActions post(String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/filings")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void refused(String body, String field, String rule) throws Exception {
        post(body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }
}
