package dev.regionless.tables.expression;

import java.util.List;

/**
 * DynamoDB's rule that the paths of one projection or update expression may neither overlap (one is a prefix of
 * the other) nor conflict (one treats a step as a map key, the other as a list index).
 */
final class PathOverlaps {
    private PathOverlaps() {}

    /** Fails on the first overlapping pair, then on the first conflicting pair, naming the earlier path first. */
    static void check(List<DocumentPath> paths, ExpressionKind kind) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (overlap(paths.get(i), paths.get(j))) {
                    throw kind.error(message("overlap", paths.get(i), paths.get(j)));
                }
            }
        }
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (conflict(paths.get(i), paths.get(j))) {
                    throw kind.error(message("conflict", paths.get(i), paths.get(j)));
                }
            }
        }
    }

    private static String message(String verb, DocumentPath one, DocumentPath two) {
        return "Two document paths " + verb + " with each other; must remove or rewrite one of these paths; "
                + "path one: " + one + ", path two: " + two;
    }

    private static boolean overlap(DocumentPath a, DocumentPath b) {
        int shorter = Math.min(a.elements().size(), b.elements().size());
        return a.elements().subList(0, shorter).equals(b.elements().subList(0, shorter));
    }

    private static boolean conflict(DocumentPath a, DocumentPath b) {
        int shorter = Math.min(a.elements().size(), b.elements().size());
        for (int k = 0; k < shorter; k++) {
            var x = a.elements().get(k);
            var y = b.elements().get(k);
            if (!x.equals(y)) {
                return x.getClass() != y.getClass();
            }
        }
        return false;
    }
}
