package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.Json;
import org.junit.jupiter.api.Test;

class StatusScreenTest {
    @Test
    void eachRegionShowsItsStateHealthSwitchAndLinks() throws Exception {
        var snapshot = Json.mapper().readTree("""
                {"time": "2026-01-01T00:00:00.123456Z",
                 "regions": {"eu-west-2": {"endpoints": {"service": "http://127.0.0.2:41203"},
                   "status": {"state": "up", "healthSwitch": "fail",
                     "links": {"links": [{"peer": "us-east-1", "cut": true, "delayMillis": 0},
                                         {"peer": "us-west-2", "cut": false, "delayMillis": 70}]},
                     "replication": {"links": [], "backfills": []}}}},
                 "edges": {}}
                """);

        var lines = StatusScreen.lines(snapshot);

        assertThat(lines.getFirst())
                .isEqualTo("regionless status at 2026-01-01T00:00:00Z (every second; Ctrl-C to stop)");
        assertThat(lines).contains("eu-west-2    up          health FAIL http://127.0.0.2:41203");
        assertThat(lines).contains("  links  us-east-1 CUT, us-west-2 up +70 ms");
        assertThat(lines).noneMatch(line -> line.equals("edges"));
    }

    @Test
    void aRegionThatDoesNotAnswerIsShownWithWhy() throws Exception {
        var snapshot = Json.mapper().readTree("""
                {"time": "t", "regions": {"us-west-2": {"endpoints": {"service": "http://127.0.0.3:1"},
                   "status": null, "error": "us-west-2 does not answer"}}, "edges": {}}
                """);

        assertThat(StatusScreen.lines(snapshot))
                .contains("us-west-2    unreachable http://127.0.0.3:1  (us-west-2 does not answer)");
    }

    @Test
    void edgesShowOneLinePerRegionWithHealthRoundTripAndShareOrWhyTheyAreUnavailable() throws Exception {
        var snapshot = Json.mapper().readTree("""
                {"time": "t", "regions": {},
                 "edges": {
                   "london": {"endpoints": {"http": "http://127.0.0.1:8080"},
                     "status": {"edge": "london", "location": "London", "policy": "latency", "choice": "us-east-1",
                       "regions": [
                         {"region": "eu-west-2", "health": "healthy", "ejectedUntil": "2026-01-01T00:00:01Z",
                          "latencyMillis": 5.2, "share": 0.25, "checks": 40, "lastCheck": "200 in 3 ms"},
                         {"region": "us-east-1", "health": "healthy", "ejectedUntil": null,
                          "latencyMillis": 76.4, "share": 0.75},
                         {"region": "us-west-2", "health": "unhealthy (not evaluated)", "ejectedUntil": null,
                          "latencyMillis": 140, "share": 0}]}},
                   "oregon": {"endpoints": {"http": "http://127.0.0.1:8081"}, "status": null,
                     "error": "edge status unavailable (no admin URL in endpoints.json)"}}}
                """);

        var lines = StatusScreen.lines(snapshot);

        assertThat(lines)
                .containsSubsequence(
                        "edges routing latency",
                        "  edge       region       health                         rtt  share",
                        "  london     eu-west-2    ejected                       5 ms    25%",
                        "  london     us-east-1    healthy                      76 ms    75%  *",
                        "  london     us-west-2    unhealthy (not evaluated)   140 ms     0%",
                        "  oregon     http://127.0.0.1:8081  edge status unavailable (no admin URL in endpoints.json)");
        assertThat(lines).noneMatch(line -> line.contains("lastCheck"));
    }
}
