package dev.regionless.common;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * An error answered to a client in AWS's own terms: the error code as AWS spells it (for example
 * {@code ResourceNotFoundException}), the HTTP status, a message that names the problem, and any extra
 * fields the service puts in its error body (Lambda's throttle {@code Reason}, for instance).
 *
 * <p>Services throw it from their domain code; each wire protocol renders it in one place.
 */
public final class AwsException extends RuntimeException {
    private final String code;
    private final int status;
    private final Map<String, Object> extraFields;

    public AwsException(String code, int status, String message) {
        this(code, status, message, Map.of());
    }

    public AwsException(String code, int status, String message, Map<String, Object> extraFields) {
        super(requireNonNull(message, "message"), null, false, false);
        this.code = requireNonNull(code, "code");
        this.status = status;
        this.extraFields = Map.copyOf(extraFields);
    }

    /** The AWS error code, for example {@code TooManyRequestsException}. */
    public String code() {
        return code;
    }

    /** The HTTP status AWS answers this error with. */
    public int status() {
        return status;
    }

    /** Service-specific fields that belong in the error body beside the message. */
    public Map<String, Object> extraFields() {
        return extraFields;
    }

    /** True for errors caused by the caller (4xx), false for the service's own faults. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
