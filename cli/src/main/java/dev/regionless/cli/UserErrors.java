package dev.regionless.cli;

import dev.regionless.common.AwsException;
import dev.regionless.region.RegionStartException;
import dev.regionless.template.TemplateException;
import java.io.UncheckedIOException;

/** Turns the errors a user can cause into one readable line; anything unexpected keeps its type for a bug report. */
final class UserErrors {
    private UserErrors() {}

    static String describe(Throwable error) {
        return switch (error) {
            case TemplateException e -> e.getMessage();
            case AwsException e -> e.getMessage();
            case RegionStartException e -> "a region could not start: " + e.getMessage();
            case IllegalArgumentException e -> e.getMessage();
            case UncheckedIOException e -> e.getMessage();
            case CliException e -> e.getMessage();
            default -> error.getClass().getSimpleName() + ": " + error.getMessage();
        };
    }
}
