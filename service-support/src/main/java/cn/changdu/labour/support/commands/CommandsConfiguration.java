package cn.changdu.labour.support.commands;

import cn.changdu.labour.contracts.person.PersonKeys;
import cn.changdu.labour.support.axon.CommitsOnFile;
import cn.changdu.labour.support.web.WebConventionsConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * What the domain services add to web-support's REST conventions ({@link WebConventionsConfiguration}: actors,
 * problem details, the clock): Axon's refusals as problem details, commands with metadata, person keys.
 */
@AutoConfiguration(after = WebConventionsConfiguration.class)
@Import(AxonProblems.class)
public class CommandsConfiguration {

    @Bean
    public DomainCommands domainCommands(CommandGateway commandGateway, Clock clock, CommitsOnFile commitsOnFile) {
        return new DomainCommands(commandGateway, clock, commitsOnFile);
    }

    @Bean
    public PersonKeys personKeys(@Value("${platform.person-key-secret}") String secret) {
        return new PersonKeys(secret);
    }
}
