package cn.changdu.labour.reporting.projection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Spring Cloud Stream functional consumers, one per domain topic, all in consumer group {@code reporting}
 * (bindings in application.yml). Offsets are committed after the projector returns: a crash re-delivers,
 * and the projector's idempotency absorbs it.
 */
@Configuration
public class EventConsumers {

    @Bean
    public Consumer<Message<String>> trainingEvents(Projector projector) {
        return message -> project(projector, message);
    }

    @Bean
    public Consumer<Message<String>> employmentEvents(Projector projector) {
        return message -> project(projector, message);
    }

    @Bean
    public Consumer<Message<String>> projectLaborEvents(Projector projector) {
        return message -> project(projector, message);
    }

    private static void project(Projector projector, Message<String> message) {
        var headers = message.getHeaders();
        projector.project(
                headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class),
                headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                headers.get(KafkaHeaders.OFFSET, Long.class),
                message.getPayload());
    }
}
