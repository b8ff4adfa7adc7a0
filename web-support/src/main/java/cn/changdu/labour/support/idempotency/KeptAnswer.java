package cn.changdu.labour.support.idempotency;

/** An answer kept for its key: status, the headers worth replaying (Content-Type, Location), the body. */
public record KeptAnswer(int status, String contentType, String location, byte[] body) {

    public KeptAnswer {
        body = body == null ? new byte[0] : body;
    }
}
