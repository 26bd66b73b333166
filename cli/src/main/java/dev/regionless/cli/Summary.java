package dev.regionless.cli;

import dev.regionless.region.RegionSet;
import java.io.PrintStream;

/** Prints each region's ports and the routes a user can call right away. */
final class Summary {
    private Summary() {}

    static void print(RegionSet set, PrintStream out) {
        for (var region : set.regions()) {
            var endpoints = region.endpoints();
            out.println(region.name());
            out.println("  service  " + endpoints.service()
                    + "   (AWS SDK endpoint: Lambda, DynamoDB, DynamoDB Streams, SQS, @connections)");
            if (endpoints.websocket() != null) {
                out.println("  websocket " + endpoints.websocket());
            }
            out.println("  admin    " + endpoints.admin());
            for (var api : region.gateway().apis()) {
                var base = region.appUri() + region.gateway().stagePath(api);
                for (var route : api.routes()) {
                    var key = route.routeKey();
                    var path = key.equals("$default") ? "/" : key.substring(key.indexOf(' ') + 1);
                    var method = key.equals("$default") ? "ANY" : key.substring(0, key.indexOf(' '));
                    out.printf("  %-8s %s%s   -> %s%n", method, base, path, route.functionName());
                }
            }
        }
    }
}
