package cn.changdu.labour.support.commands;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.axon.CommitsOnFile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** An answered command is on file: each command waits for it, a request of many commands waits once at its end. */
class DomainCommandsTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommitsOnFile commitsOnFile = mock(CommitsOnFile.class);
    private final DomainCommands commands = new DomainCommands(gateway,
            Clock.fixed(Instant.parse("2020-07-01T02:00:00Z"), ZoneOffset.UTC), commitsOnFile);
    private final Actor actor = new Actor("officer-1", "市人社局");

    @Test
    void each_command_returns_once_its_events_are_on_file() {
        commands.send("first", actor, null);
        commands.send("second", actor, null);

        var order = inOrder(gateway, commitsOnFile);
        order.verify(gateway).sendAndWait(any());
        order.verify(commitsOnFile).await();
        order.verify(gateway).sendAndWait(any());
        order.verify(commitsOnFile).await();
    }

    @Test
    void the_commands_of_one_request_wait_once_at_its_end() {
        commands.onFileOnce(() -> {
            for (int row = 0; row < 200; row++) {
                commands.send("row " + row, actor, null);
            }
            verify(commitsOnFile, never()).await();
            return null;
        });

        verify(gateway, times(200)).sendAndWait(any());
        verify(commitsOnFile, times(1)).await();
    }

    @Test
    void a_request_that_fails_midway_still_waits_for_what_it_stored() {
        when(gateway.sendAndWait(any())).thenReturn(null).thenThrow(new IllegalStateException("refused")).thenReturn(null);

        assertThatThrownBy(() -> commands.onFileOnce(() -> {
            commands.send("stored", actor, null);
            return commands.send("refused", actor, null);
        })).hasMessage("refused");

        verify(commitsOnFile, times(1)).await();
        commands.send("after", actor, null); // the scope is over: a single command waits again
        verify(commitsOnFile, times(2)).await();
    }
}
