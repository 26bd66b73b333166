package dev.regionless.tables.catalog;

/**
 * A table's change stream setting.
 *
 * @param enabled whether changes are recorded
 * @param viewType KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES; {@code null} when disabled
 */
public record StreamSpecification(boolean enabled, StreamViewType viewType) {
    public static final StreamSpecification DISABLED = new StreamSpecification(false, null);

    public StreamSpecification {
        if (enabled && viewType == null) {
            throw new IllegalArgumentException("an enabled stream needs a view type");
        }
        if (!enabled) {
            viewType = null;
        }
    }

    public enum StreamViewType {
        KEYS_ONLY,
        NEW_IMAGE,
        OLD_IMAGE,
        NEW_AND_OLD_IMAGES
    }
}
