package cn.changdu.labour.reporting.projection;

/**
 * What the live projection tells about each batch it applied: alerts follow the facts inside the batch's transaction,
 * the figure cache and the live dashboard after the commit. Implemented by the packages that listen, so the
 * projection knows none of them.
 */
public interface ProjectionListener {

    /** Inside the batch's transaction, after its writes: a failure rolls the batch back and it is retried whole. */
    default void applied(Projection.Result result) {
    }

    /** After the batch committed (also a batch of duplicates only: its offsets moved). */
    default void committed(Projection.Result result) {
    }
}
