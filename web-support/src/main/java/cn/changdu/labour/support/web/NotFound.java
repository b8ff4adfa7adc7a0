package cn.changdu.labour.support.web;

/** The record a request names does not exist: a 404 {@code not-found} problem. */
public class NotFound extends RuntimeException {

    /** @param message what was not found, for the person who asked (zh-CN) */
    public NotFound(String message) {
        super(message);
    }
}
