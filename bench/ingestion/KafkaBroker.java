import java.util.concurrent.CountDownLatch;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A one-node Kafka broker (KRaft, Apache Kafka's own server classes via spring-kafka-test) in a JVM
 * of its own, for the write-path benchmark on a machine without a Kafka installation. Prints
 * "brokers: host:port" (a free port) once it accepts connections and runs until killed; its log is
 * in a temporary directory, removed when it stops.
 * Usage: java -cp TEST_CLASSPATH bench/ingestion/KafkaBroker.java PARTITIONS TOPIC...
 */
public class KafkaBroker {

    public static void main(String[] args) throws Exception {
        int partitions = Integer.parseInt(args[0]);
        String[] topics = java.util.Arrays.copyOfRange(args, 1, args.length);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.afterPropertiesSet();
        System.out.println("brokers: " + broker.getBrokersAsString());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        new CountDownLatch(1).await();
    }
}
