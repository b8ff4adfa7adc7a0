package cn.changdu.labour.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's broker and store are real, and keep their data across a restart in the same folder. */
class EmbeddedInfraTest {

    @TempDir
    Path dataDir;

    @Test
    void kafka_and_mongo_keep_their_data_across_a_restart() throws Exception {
        int kafkaPort = freePort(), controllerPort = freePort(), mongoPort = freePort();

        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongo/store.mv"), mongoPort);
             EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka/logs"), kafkaPort, controllerPort)) {
            mongo.start();
            kafka.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                client.getDatabase("probe").getCollection("facts").insertOne(new Document("_id", "a").append("n", 1));
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("probe", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", "true"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            }
        }

        try (EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongo/store.mv"), mongoPort);
             EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka/logs"), kafkaPort, controllerPort)) {
            mongo.start();
            kafka.start();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                assertThat(client.getDatabase("probe").getCollection("facts").find().first()).containsEntry("n", 1);
            }
            assertThat(readAll(kafka.bootstrapServers(), "probe")).containsExactly("hello");
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "probe-reader", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    @Test
    void a_store_of_the_old_layout_with_the_domain_services_events_is_refused_and_left_as_it_was() throws Exception {
        Path storeFile = dataDir.resolve("old/mongo/store.mv");
        // the layout before: the training service's events were a collection of the shared store
        try (EmbeddedMongo old = new EmbeddedMongo(storeFile, freePort())) {
            old.start();
            try (MongoClient client = MongoClients.create(old.connectionString())) {
                client.getDatabase("training").getCollection("domainevents").insertOne(new Document("_id", "e1"));
            }
        }
        long size = java.nio.file.Files.size(storeFile);

        EmbeddedMongo again = new EmbeddedMongo(storeFile, freePort());
        org.assertj.core.api.Assertions.assertThatThrownBy(again::start)
                .isInstanceOf(EmbeddedMongo.OldLayoutException.class)
                .hasMessageContaining("[training]").hasMessageContaining("PLATFORM_DATA_DIR");
        assertThat(java.nio.file.Files.size(storeFile)).as("the folder is left as it was").isEqualTo(size);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
