package cn.changdu.labour.reporting.projection;

import cn.changdu.labour.contracts.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The projection's wiring: one spring-kafka batch listener over the three topics (consumer group {@code reporting}),
 * the topics it reads and the dead-letter topic, Kafka's admin client for end offsets.
 *
 * <p>Not Spring Cloud Stream: its batch mode gives up the binder's retry, each binding is a container of its own
 * (three consumers and three transactions where one batch over all three topics is one transaction), and the
 * offsets come from the store; a plain container with a rebalance listener says all of it directly.
 */
@Configuration
public class ProjectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    @Bean
    public MongoDatabase reportingDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean(destroyMethod = "close")
    public Admin offsetsAdminClient(KafkaProperties kafka) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    @Bean
    public KafkaAdmin.NewTopics projectedTopics(@Value("${platform.topics.partitions:${PLATFORM_TOPIC_PARTITIONS:3}}") int partitions,
                                                @Value("${platform.topics.replication:${PLATFORM_TOPIC_REPLICATION:1}}") short replication) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                // the history a rebuild reads from the beginning: kept for good, as the domain services create them
                .map(t -> TopicBuilder.name(t).partitions(partitions).replicas(replication).config("retention.ms", "-1").build())
                .toList().toArray(new NewTopic[0]));
    }

    @Bean
    public NewTopic deadLetterTopic(@Value("${platform.topics.replication:${PLATFORM_TOPIC_REPLICATION:1}}") short replication) {
        return TopicBuilder.name(ProjectionConsumer.DEAD_LETTERS).partitions(1).replicas(replication).build();
    }

    @Bean
    public KafkaMessageListenerContainer<String, String> projectionContainer(
            KafkaProperties kafka, ProjectionConsumer consumer, ReadModel readModel, Admin admin,
            @Value("${platform.projection.group:reporting}") String group,
            @Value("${platform.projection.batch-size:2000}") int batchSize,
            @Value("${platform.projection.auto-startup:true}") boolean autoStartup) {
        try {
            readModel.belongsTo(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            log.warn("cannot read the Kafka cluster id: {}", e.toString());
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the relay publishes in Kafka transactions: records of an aborted one are no events
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        ContainerProperties properties = new ContainerProperties(Topics.ALL.toArray(new String[0]));
        properties.setGroupId(group);
        properties.setConsumerRebalanceListener(consumer);
        // Kafka's committed offsets are informative only (tools, lag); the store's decide
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(consumer);
        properties.setIdleEventInterval(1000L);
        KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()), properties);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        // a failed batch (store down, a concurrent change, a switched version) is retried until it succeeds
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setAutoStartup(autoStartup);
        return container;
    }
}
