package cn.changdu.labour.contracts.employment;

import cn.changdu.labour.contracts.employment.TransferCounting.Transfer;
import cn.changdu.labour.contracts.projectlabor.WorkerJoinedProject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransferCountingTest {

    private static WorkerPlaced placed(String person, TransferChannel channel, LocalDate start) {
        return new WorkerPlaced("pl-" + person + start, person, "540321", channel, Destination.IN_COUNTY, "某企业",
                start, new BigDecimal("4000.00"));
    }

    private static WorkerJoinedProject joined(String person, boolean local, LocalDate on) {
        return new WorkerJoinedProject("prj-1", person, local, "540322", "钢筋工", on, "住建局", true, 10, 20);
    }

    @Test
    void a_construction_worker_placed_here_and_on_a_project_roster_counts_once() {
        List<Transfer> transfers = new ArrayList<>();
        transfers.add(TransferCounting.of("e1", placed("pk_a", TransferChannel.CONSTRUCTION_PROJECT, LocalDate.of(2020, 5, 1))));
        TransferCounting.of("e2", joined("pk_a", true, LocalDate.of(2020, 5, 1))).ifPresent(transfers::add);
        TransferCounting.of("e3", joined("pk_a", true, LocalDate.of(2020, 9, 1))).ifPresent(transfers::add);

        assertThat(TransferCounting.countedIn(2020, transfers)).hasSize(1);
        assertThat(TransferCounting.perChannel(2020, transfers).get(TransferChannel.CONSTRUCTION_PROJECT)).isEqualTo(1);
        assertThat(TransferCounting.countedIn(2020, transfers).get("pk_a").source())
                .isEqualTo(TransferCounting.Source.PLACEMENT);
    }

    @Test
    void a_person_counts_once_per_year_in_the_channel_of_their_first_transfer() {
        List<Transfer> transfers = new ArrayList<>();
        TransferCounting.of("e1", joined("pk_b", true, LocalDate.of(2020, 4, 1))).ifPresent(transfers::add);
        transfers.add(TransferCounting.of("e2", placed("pk_b", TransferChannel.LOCAL_INDUSTRY, LocalDate.of(2020, 8, 1))));
        transfers.add(TransferCounting.of("e3", placed("pk_b", TransferChannel.LOCAL_INDUSTRY, LocalDate.of(2021, 3, 1))));

        assertThat(TransferCounting.perChannel(2020, transfers))
                .containsEntry(TransferChannel.CONSTRUCTION_PROJECT, 1L).containsEntry(TransferChannel.LOCAL_INDUSTRY, 0L);
        assertThat(TransferCounting.countedIn(2020, transfers).get("pk_b").countyCode()).isEqualTo("540322");
        // a new year counts again
        assertThat(TransferCounting.perChannel(2021, transfers)).containsEntry(TransferChannel.LOCAL_INDUSTRY, 1L);
    }

    @Test
    void a_roster_join_of_someone_who_is_not_a_local_farmer_or_herder_is_no_transfer() {
        assertThat(TransferCounting.of("e1", joined("pk_c", false, LocalDate.of(2020, 4, 1)))).isEmpty();
    }

    @Test
    void the_same_event_delivered_twice_counts_once() {
        Transfer t = TransferCounting.of("e1", placed("pk_d", TransferChannel.SOCIAL_FORCES, LocalDate.of(2020, 6, 1)));
        assertThat(TransferCounting.perChannel(2020, List.of(t, t)).get(TransferChannel.SOCIAL_FORCES)).isEqualTo(1);
    }
}
