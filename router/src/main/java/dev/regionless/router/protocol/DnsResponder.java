package dev.regionless.router.protocol;

import static java.util.Objects.requireNonNull;

import dev.regionless.router.AppDomain;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative server for the application's zone: the API and WebSocket names answer with the address of the
 * region the edge would send a client to now (TTL small, so clients follow failover), the zone's apex answers its
 * SOA and NS, other names in the zone NXDOMAIN, names outside it REFUSED, and a query that cannot be read FORMERR.
 * Nothing a client sends makes it throw.
 */
public final class DnsResponder {
    /** The classic UDP limit, used when a query carries no EDNS payload size. */
    public static final int UDP_LIMIT = 512;

    private static final int EDNS_PAYLOAD = 1232;
    private static final long SERIAL = 1;

    /** Which of the app's names a query asked for. */
    public enum Service {
        API,
        WEBSOCKET
    }

    /** Where a name points now: the routing decision, made per query. */
    @FunctionalInterface
    public interface Answers {
        /** The address of the region chosen for this service now, if any. */
        Optional<InetAddress> addressOf(Service service);
    }

    private final Name zone;
    private final Name apiName;
    private final Name webSocketName;
    private final Name serverName;
    private final Name hostmaster;
    private final InetAddress serverAddress;
    private final long ttl;
    private final Answers answers;

    /**
     * @param serverAddress this DNS server's own address, the answer for {@code ns.<zone>}
     */
    public DnsResponder(AppDomain domain, Duration ttl, InetAddress serverAddress, Answers answers) {
        requireNonNull(domain, "domain");
        this.zone = absolute(domain.zone());
        this.apiName = absolute(domain.apiName());
        this.webSocketName = absolute(domain.webSocketName());
        this.serverName = absolute("ns." + domain.zone());
        this.hostmaster = absolute("hostmaster." + domain.zone());
        this.serverAddress = requireNonNull(serverAddress, "serverAddress");
        this.ttl = ttl.toSeconds();
        this.answers = requireNonNull(answers, "answers");
    }

    /**
     * The answer to one query, or empty when none should be sent (the packet is too short to carry an id, or is
     * itself a response).
     *
     * @param udp whether the query came over UDP, where answers are cut to the client's size and flagged TC
     */
    public Optional<byte[]> respond(byte[] query, boolean udp) {
        if (query.length < 12 || (query[2] & 0x80) != 0) {
            return Optional.empty(); // no header, or a response: answering could start a loop
        }
        Message message;
        try {
            message = new Message(query);
        } catch (IOException | RuntimeException e) {
            return Optional.of(formatError(query));
        }
        try {
            var response = answer(message);
            int limit = udp ? udpLimit(message) : 65_535;
            return Optional.of(response.toWire(limit));
        } catch (RuntimeException e) {
            var failure = header(message);
            failure.getHeader().setRcode(Rcode.SERVFAIL);
            return Optional.of(failure.toWire());
        }
    }

    private Message answer(Message query) {
        var response = header(query);
        var head = query.getHeader();
        if (head.getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
            return response;
        }
        var questions = query.getSection(Section.QUESTION);
        if (questions.size() != 1) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response;
        }
        var question = questions.getFirst();
        response.addRecord(question, Section.QUESTION);
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        var name = question.getName();
        if (!name.subdomain(zone) || (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY)) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        int type = question.getType();
        if (name.equals(apiName)) {
            addressAnswer(response, name, type, answers.addressOf(Service.API));
        } else if (name.equals(webSocketName)) {
            addressAnswer(response, name, type, answers.addressOf(Service.WEBSOCKET));
        } else if (name.equals(serverName)) {
            addressAnswer(response, name, type, Optional.of(serverAddress));
        } else if (name.equals(zone)) {
            apexAnswer(response, type);
        } else {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(soa(), Section.AUTHORITY);
        }
        return response;
    }

    private void addressAnswer(Message response, Name name, int type, Optional<InetAddress> address) {
        Record record = null;
        if (address.isPresent()) {
            var value = address.get();
            if (value instanceof Inet4Address && (type == Type.A || type == Type.ANY)) {
                record = new ARecord(name, DClass.IN, ttl, value);
            } else if (value instanceof Inet6Address && (type == Type.AAAA || type == Type.ANY)) {
                record = new AAAARecord(name, DClass.IN, ttl, value);
            }
        }
        if (record == null) {
            response.addRecord(soa(), Section.AUTHORITY); // the name exists, without data of this type
        } else {
            response.addRecord(record, Section.ANSWER);
        }
    }

    private void apexAnswer(Message response, int type) {
        boolean any = type == Type.ANY;
        if (type == Type.SOA || any) {
            response.addRecord(soa(), Section.ANSWER);
        }
        if (type == Type.NS || any) {
            response.addRecord(new NSRecord(zone, DClass.IN, ttl, serverName), Section.ANSWER);
        }
        if (response.getSection(Section.ANSWER).isEmpty()) {
            response.addRecord(soa(), Section.AUTHORITY);
        }
    }

    private SOARecord soa() {
        return new SOARecord(zone, DClass.IN, ttl, serverName, hostmaster, SERIAL, 3600, 600, 86_400, ttl);
    }

    private static Message header(Message query) {
        var response = new Message(query.getHeader().getID());
        var head = response.getHeader();
        head.setFlag(Flags.QR);
        head.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            head.setFlag(Flags.RD);
        }
        return response;
    }

    /** FORMERR with the query's id, read from the first two bytes, as RFC 1035 asks of an unreadable query. */
    private static byte[] formatError(byte[] query) {
        int id = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
        var response = new Message(id);
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(Rcode.FORMERR);
        return response.toWire();
    }

    private static int udpLimit(Message query) {
        var opt = query.getOPT();
        return opt == null ? UDP_LIMIT : Math.max(UDP_LIMIT, Math.min(opt.getPayloadSize(), 4096));
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("name: " + name + " (expected: a DNS name)", e);
        }
    }
}
