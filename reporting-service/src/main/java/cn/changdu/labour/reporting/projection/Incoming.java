package cn.changdu.labour.reporting.projection;

/**
 * One Kafka record handed to the projection: its fact, or (fact null) the reason it could not be read and the
 * record's text (kept only for a record that is parked: the others are not held twice in a batch).
 */
public record Incoming(String topic, int partition, long offset, Fact fact, String record, String unreadable) {

    public static Incoming of(String topic, int partition, long offset, String json) {
        try {
            return new Incoming(topic, partition, offset,
                    Fact.of(cn.changdu.labour.contracts.EventJson.read(json), topic, partition, offset), null, null);
        } catch (cn.changdu.labour.contracts.EventJson.UnreadableEventException e) {
            return new Incoming(topic, partition, offset, null, json, e.getMessage());
        }
    }
}
