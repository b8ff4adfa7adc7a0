package cn.changdu.labour.infra.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.Assumptions;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.net.InetSocketAddress;

/**
 * One Kafka broker and one MongoDB-protocol store per test JVM, started on first use and stopped when the JVM
 * exits. By default both are embedded (a real KRaft broker from spring-kafka-test, mongo-java-server on H2);
 * with {@code -Dplatform.test.infra=containers} (Maven profile {@code containers}) they are Testcontainers'
 * Kafka and MongoDB images, and every test using them is skipped where no Docker engine runs.
 */
public abstract class TestInfra {

    public static final String MODE_PROPERTY = "platform.test.infra";

    private static TestInfra shared;

    /** The JVM's shared infrastructure, started on first call. */
    public static synchronized TestInfra shared() {
        if (shared == null) {
            TestInfra infra = "containers".equals(System.getProperty(MODE_PROPERTY)) ? new Containers() : new Embedded();
            infra.start();
            stopAtExit(infra);
            shared = infra;
        }
        return shared;
    }

    /**
     * Stops the infrastructure when the JVM exits, after the Spring applications that use it have closed. A JVM
     * shutdown hook of its own would run alongside Spring's: the broker went away under closing applications,
     * whose clients then kept the JVM alive until Surefire killed it, 30 s later.
     */
    private static void stopAtExit(TestInfra infra) {
        try {
            Class.forName("org.springframework.boot.SpringApplication", false, TestInfra.class.getClassLoader());
        } catch (ClassNotFoundException noSpringBoot) {
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "test-infra-stop"));
            return;
        }
        org.springframework.boot.SpringApplication.getShutdownHandlers().add(infra::stop);
    }

    public abstract String kafkaBootstrapServers();

    /** A connection string for one database of the store. */
    public abstract String mongoUri(String database);

    abstract void start();

    abstract void stop();

    static final class Embedded extends TestInfra {
        private EmbeddedKafkaKraftBroker kafka;
        private MongoServer mongo;
        private InetSocketAddress mongoAddress;

        @Override
        void start() {
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            // one broker: the transaction log (the relays publish in transactions) has one replica
            kafka.brokerProperty("transaction.state.log.replication.factor", "1");
            kafka.brokerProperty("transaction.state.log.min.isr", "1");
            kafka.brokerProperty("transaction.state.log.num.partitions", "3");
            kafka.afterPropertiesSet();
            mongo = new MongoServer(H2Backend.inMemory());
            mongoAddress = mongo.bind();
        }

        @Override
        void stop() {
            kafka.destroy();
            mongo.shutdownNow();
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBrokersAsString();
        }

        @Override
        public String mongoUri(String database) {
            return "mongodb://127.0.0.1:" + mongoAddress.getPort() + "/" + database;
        }
    }

    static final class Containers extends TestInfra {
        private KafkaContainer kafka;
        private MongoDBContainer mongo;

        @Override
        void start() {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                    "profile 'containers' needs a Docker engine; none is reachable here");
            kafka = new KafkaContainer("apache/kafka:3.9.1");
            mongo = new MongoDBContainer("mongo:7.0");
            kafka.start();
            mongo.start();
        }

        @Override
        void stop() {
            kafka.stop();
            mongo.stop();
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String mongoUri(String database) {
            return mongo.getReplicaSetUrl(database);
        }
    }
}
