package cn.changdu.labour.employment.urban.api;

/** A person's urban employment record is the aggregate {@code urban:<personKey>}. */
public final class UrbanIds {

    private UrbanIds() {
    }

    public static String urbanId(String personKey) {
        return "urban:" + personKey;
    }
}
