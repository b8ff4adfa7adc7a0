package cn.changdu.labour.reporting.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

@Configuration
public class ProjectionConfiguration {

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
    public Clock clock(@Value("${platform.clock.offset:PT0S}") Duration offset) {
        // the embedded demo runs in the plan year: every service gets the same offset from ./platform
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
