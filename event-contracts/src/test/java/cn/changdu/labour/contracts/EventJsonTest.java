package cn.changdu.labour.contracts;

import cn.changdu.labour.contracts.projectlabor.WagePaid;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private final EventEnvelope wage = EventEnvelope.of("e-1", Sources.PROJECT_LABOR, "p-1", 3,
            Instant.parse("2020-07-05T02:00:00Z"), Instant.parse("2026-11-27T03:00:00Z"),
            new Actor("u-7", "住建局"), "540302",
            new WagePaid("p-1", "w-1", "pk_00", YearMonth.of(2020, 6), new BigDecimal("5400.10"), LocalDate.of(2020, 7, 5)));

    @Test
    void round_trips_an_envelope_exactly_to_the_fen() {
        String json = EventJson.write(wage);
        assertThat(json).contains("\"type\":\"projectlabor.WagePaid\"", "\"schemaVersion\":1", "\"period\":\"2020-06\"",
                "\"amount\":\"5400.10\"", "\"occurredAt\":\"2020-07-05T02:00:00Z\"");
        EventEnvelope read = EventJson.read(json);
        assertThat(read).isEqualTo(wage);
        assertThat(read.topic()).isEqualTo(Topics.PROJECT_LABOR);
    }

    @Test
    void every_registered_type_has_a_unique_name_and_version() {
        assertThat(EventTypes.ALL).allSatisfy(c -> assertThat(EventTypes.payloadClass(
                EventTypes.typeOf(c).name(), EventTypes.typeOf(c).version())).contains(c));
    }

    @Test
    void an_unknown_type_is_reported_as_unreadable() {
        String json = EventJson.write(wage).replace("projectlabor.WagePaid", "projectlabor.Unknown");
        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(EventJson.UnreadableEventException.class)
                .hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(EventJson.UnreadableEventException.class);
    }
}
