package cn.changdu.labour.reporting.projection;

/**
 * One Kafka record handed to the projection: its fact, or (fact null) the reason it could not be read.
 */
public record Incoming(String topic, int partition, long offset, Fact fact, String record, String unreadable) {

    public static Incoming of(String topic, int partition, long offset, String json) {
        try {
            return new Incoming(topic, partition, offset,
                    Fact.of(cn.changdu.labour.contracts.EventJson.read(json), topic, partition, offset), json, null);
        } catch (cn.changdu.labour.contracts.EventJson.UnreadableEventException e) {
            return new Incoming(topic, partition, offset, null, json, e.getMessage());
        }
    }
}
