package dev.regionless.functions;

import java.time.Instant;

/**
 * A deployed function as the Lambda API describes it.
 *
 * @param config the configuration it runs with
 * @param arn its ARN in this region
 * @param codeSha256 the base64 SHA-256 of its code, as {@code GetFunction} reports it
 * @param codeSize the size of its code in bytes
 * @param lastModified when this version was deployed
 */
public record FunctionInfo(FunctionConfig config, String arn, String codeSha256, long codeSize, Instant lastModified) {}
