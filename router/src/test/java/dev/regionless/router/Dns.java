package dev.regionless.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Asks an edge's DNS server as a stub resolver does, with dnsjava's {@code SimpleResolver}. */
final class Dns {
    private Dns() {}

    /** The address the edge answers for {@code name}, over UDP or TCP. */
    static String address(Edge edge, String name, boolean tcp) {
        try {
            var resolver = new SimpleResolver(edge.endpoints().dns());
            resolver.setTCP(tcp);
            resolver.setTimeout(Duration.ofSeconds(5));
            var response =
                    resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
            var answers = response.getSection(Section.ANSWER);
            assertThat(answers).as(response.toString()).hasSize(1);
            return ((ARecord) answers.getFirst()).getAddress().getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The region the edge's DNS sends API clients to, asked over UDP and TCP; both must agree. */
    static String apiRegion(Edge edge) {
        var udp = address(edge, "api.probe.regionless.test", false);
        var tcp = address(edge, "api.probe.regionless.test", true);
        assertThat(tcp).as("UDP and TCP answers").isEqualTo(udp);
        return EdgeFixture.regionAt(udp);
    }
}
