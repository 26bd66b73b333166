package dev.regionless.events.topics.protocol;

import dev.regionless.events.topics.TopicErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * SNS's list paging: up to 100 items a page, and a {@code NextToken} that names the last item answered, so a
 * page stays right when items are added or removed between calls.
 *
 * @param items the page
 * @param nextToken the token for the next page, or {@code null} on the last
 */
record Paging<T>(List<T> items, String nextToken) {
    static final int PAGE = 100;

    /** The page after {@code token} of {@code all}, which is sorted by {@code key}. */
    static <T> Paging<T> page(List<T> all, Function<T, String> key, String token) {
        String after = null;
        if (token != null && !token.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw TopicErrors.invalidParameter("NextToken", token, "a NextToken from the previous page");
            }
        }
        final String from = after;
        var rest = all.stream()
                .filter(item -> from == null || key.apply(item).compareTo(from) > 0)
                .toList();
        if (rest.size() <= PAGE) {
            return new Paging<>(rest, null);
        }
        var items = rest.subList(0, PAGE);
        var last = key.apply(items.get(PAGE - 1));
        return new Paging<>(
                items, Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }
}
